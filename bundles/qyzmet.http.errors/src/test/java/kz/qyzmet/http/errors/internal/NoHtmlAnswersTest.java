package kz.qyzmet.http.errors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/**
 * Issue #11 (every error is problem+json): the JAX-RS runtime's own HTML 404
 * while an application is rebuilt becomes a 503 problem with Retry-After in the
 * client's language; everything else passes untouched.
 */
class NoHtmlAnswersTest {
    /** What the servlet container's response recorded. */
    static final class Recorded {
        int status = 200;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final StringWriter text = new StringWriter();

        String body() {
            return bytes.toString(StandardCharsets.UTF_8) + text;
        }
    }

    private static HttpServletRequest request(String path, String language) {
        return (HttpServletRequest) Proxy.newProxyInstance(NoHtmlAnswersTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getRequestURI" -> path;
                case "getHeader" -> "Accept-Language".equals(args[0]) ? language : null;
                default -> null;
                });
    }

    private static HttpServletResponse response(Recorded recorded) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                recorded.bytes.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(NoHtmlAnswersTest.class.getClassLoader(),
                new Class<?>[] { HttpServletResponse.class }, (proxy, method, args) -> {
                    switch (method.getName()) {
                    case "setStatus" -> recorded.status = (Integer) args[0];
                    case "setContentType" -> recorded.contentType = (String) args[0];
                    case "setHeader" -> recorded.headers.put((String) args[0], (String) args[1]);
                    case "getOutputStream" -> {
                        return out;
                    }
                    case "getWriter" -> {
                        return new PrintWriter(recorded.text, true);
                    }
                    case "isCommitted" -> {
                        return false;
                    }
                    case "containsHeader" -> {
                        return recorded.headers.containsKey(args[0]);
                    }
                    default -> {
                    }
                    }
                    return null;
                });
    }

    /** What CXF does when it finds no endpoint for a request (ServletController.generateNotFound). */
    private static final FilterChain CXF_NO_SERVICE = (request, response) -> {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(404);
        http.setContentType("text/html");
        http.getWriter().write("<html><body>No service was found.</body></html>");
    };

    @Test
    void theRuntimesHtmlNotFoundOnTheApiIsA503ProblemInTheClientsLanguage() throws Exception {
        Recorded recorded = new Recorded();
        new NoHtmlAnswers().doFilter(request("/api/v1/services/demo-offices/offices", "kk"), response(recorded), CXF_NO_SERVICE);
        assertEquals(503, recorded.status);
        assertTrue(recorded.contentType.startsWith("application/problem+json"), recorded.contentType);
        assertEquals("1", recorded.headers.get("Retry-After"));
        assertEquals("kk", recorded.headers.get("Content-Language"));
        assertTrue(recorded.body().contains("\"status\":503"), recorded.body());
        assertTrue(!recorded.body().contains("<html>"), "no HTML reaches the client: " + recorded.body());
    }

    @Test
    void outsideTheApiItIsA404ProblemAndOtherAnswersPassUntouched() throws Exception {
        Recorded outside = new Recorded();
        new NoHtmlAnswers().doFilter(request("/elsewhere", "en"), response(outside), CXF_NO_SERVICE);
        assertEquals(404, outside.status);
        assertTrue(outside.contentType.startsWith("application/problem+json"));

        Recorded normal = new Recorded();
        new NoHtmlAnswers().doFilter(request("/api/v1/catalog", "en"), response(normal), (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(404);
            http.setContentType("application/problem+json");
            http.getWriter().write("{\"status\":404}");
        });
        assertEquals(404, normal.status);
        assertEquals("application/problem+json", normal.contentType);
        assertEquals("{\"status\":404}", normal.body());
    }

    /** Issue #14: the web pages' own HTML 404 (marked as a page) is the platform's answer and passes as it is. */
    @Test
    void aPageOfTheWebFrontEndsPassesEvenAsA404() throws Exception {
        Recorded page = new Recorded();
        new NoHtmlAnswers().doFilter(request("/cabinet/nowhere", "kk"), response(page), (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(404);
            http.setContentType("text/html;charset=UTF-8");
            http.setHeader(NoHtmlAnswers.PAGE_MARKER, "1");
            http.getWriter().write("<!DOCTYPE html><html lang=\"kk\"><title>Бет табылмады</title></html>");
        });
        assertEquals(404, page.status);
        assertTrue(page.contentType.startsWith("text/html"), page.contentType);
        assertTrue(page.body().contains("Бет табылмады"), page.body());
    }
}
