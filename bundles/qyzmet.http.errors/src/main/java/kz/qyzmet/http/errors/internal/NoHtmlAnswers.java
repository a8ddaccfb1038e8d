package kz.qyzmet.http.errors.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.osgi.service.component.annotations.Component;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.rest.api.Api;

/**
 * The JAX-RS runtime answers one thing of its own, in HTML: while the
 * whiteboard rebuilds the API's application (a service bundle installed,
 * upgraded or removed), CXF finds no endpoint for the request and writes a 404
 * page "No service was found". This filter, in front of every servlet of the
 * HTTP whiteboard, turns exactly that answer into the platform's own: 503
 * problem+json with {@code Retry-After}, in the client's language — the API is
 * there a moment later. The web pages' own HTML (issue #14) carries the marker
 * {@value #PAGE_MARKER}, and passes: a page's 404 is the platform's page. The
 * decision waits until the body is about to be written, when every header is set.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=qyzmet.no-html-answers",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)" })
public class NoHtmlAnswers implements Filter {
    /** The header every page of the web front ends carries (qyzmet.web's PageHeaders). */
    static final String PAGE_MARKER = "X-Qyzmet-Page";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            chain.doFilter(request, new Guarded(http, answer));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Watches for a 404 that announces HTML, and answers with a problem instead of writing it. */
    static final class Guarded extends HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private int status = SC_OK;
        private boolean suspect;
        private boolean replaced;

        Guarded(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void setStatus(int code) {
            status = code;
            super.setStatus(code);
        }

        @Override
        public void setContentType(String type) {
            if (!replaced) {
                suspect = status == SC_NOT_FOUND && type != null && type.startsWith("text/html");
                super.setContentType(type);
            }
        }

        /** Before the first byte: an HTML 404 that is not one of the platform's pages is the runtime's. */
        private void decide() {
            if (suspect && !replaced && !isCommitted() && !containsHeader(PAGE_MARKER)) {
                replaced = true;
                answerUnavailable();
            }
            suspect = false;
        }

        private void answerUnavailable() {
            String path = request.getRequestURI();
            boolean api = path != null && path.startsWith(Api.BASE_PATH + "/");
            int code = api ? SC_SERVICE_UNAVAILABLE : SC_NOT_FOUND;
            Language language = ProblemErrorHandler.language(request.getHeader("Accept-Language"));
            byte[] body = ProblemErrorHandler.body(code, ProblemErrorHandler.detail(code), language);
            super.resetBuffer();
            super.setStatus(code);
            ProblemErrorHandler.SECURITY_HEADERS.forEach(super::setHeader);
            if (api) {
                super.setHeader("Retry-After", "1");
            }
            super.setContentType(Api.PROBLEM_JSON + ";charset=UTF-8");
            super.setHeader("Content-Language", language.tag());
            super.setContentLength(body.length);
            try {
                OutputStream out = super.getOutputStream();
                out.write(body);
                out.flush();
            } catch (IOException gone) {
                // the client left; nothing else to answer
            }
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            decide();
            return replaced ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            decide();
            return replaced ? Discarded.INSTANCE : super.getOutputStream();
        }

        @Override
        public void flushBuffer() throws IOException {
            decide();
            if (!replaced) {
                super.flushBuffer();
            }
        }

        @Override
        public void setContentLength(int length) {
            if (!replaced) {
                super.setContentLength(length);
            }
        }
    }

    /** What the runtime would have written after the replaced answer goes nowhere. */
    private static final class Discarded extends ServletOutputStream {
        static final Discarded INSTANCE = new Discarded();

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // writes never block
        }

        @Override
        public void write(int b) {
            // discarded
        }
    }
}
