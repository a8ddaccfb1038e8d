package kz.qyzmet.http.errors.internal;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.rest.api.Api;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Problem;

/**
 * The error pages of the HTTP whiteboard's servlet context: what it answers when
 * no servlet takes a request, as problem+json in the client's language. A 404
 * under {@code /api/v1} there means the API application is not registered (yet, or
 * any more): the platform is starting or stopping, so it is a 503 with
 * {@code Retry-After} (issue #11, item 15), never Jetty's HTML page.
 */
@Component(service = Servlet.class, property = { "osgi.http.whiteboard.servlet.errorPage=4xx",
        "osgi.http.whiteboard.servlet.errorPage=5xx", "osgi.http.whiteboard.servlet.name=qyzmet-error-pages" })
public class ProblemErrorPages extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("javax.servlet.error.status_code");
        int status = code instanceof Integer value ? value : response.getStatus();
        Object uri = request.getAttribute("javax.servlet.error.request_uri");
        String path = uri == null || String.valueOf(uri).isEmpty() ? request.getRequestURI() : String.valueOf(uri);
        Language language;
        try {
            language = Language.fromAcceptLanguage(request.getHeader("Accept-Language"));
        } catch (RuntimeException e) {
            language = Language.DEFAULT;
        }
        Map<String, Object> body;
        if (status == 404 && path != null && path.contains(Api.BASE_PATH + "/")) {
            status = 503;
            response.setHeader("Retry-After", "2");
            body = Problem.body(CommonProblems.UNAVAILABLE, status, LocalizedText.of(
                    "Платформа іске қосылып жатыр немесе тоқтап жатыр; бірнеше секундтан кейін қайталаңыз.",
                    "Платформа запускается или останавливается; повторите через несколько секунд.",
                    "The platform is starting or stopping; try again in a few seconds."), Map.of(), language,
                    "urn:qyzmet:request:" + UUID.randomUUID());
        } else {
            body = Problem.body(ProblemErrorHandler.type(status), status, ProblemErrorHandler.detail(status), Map.of(), language,
                    "urn:qyzmet:request:" + UUID.randomUUID());
        }
        response.setStatus(status);
        response.setContentType(Api.PROBLEM_JSON + ";charset=UTF-8");
        response.setHeader("Content-Language", language.tag());
        ProblemErrorHandler.SECURITY_HEADERS.forEach(response::setHeader);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
