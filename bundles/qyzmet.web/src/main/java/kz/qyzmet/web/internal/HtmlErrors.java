package kz.qyzmet.web.internal;

import java.util.Map;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.rest.api.Api;

/**
 * What a page shows when something refuses or fails: the platform's own page
 * with the reason in the page's language and the same status the API would
 * give (rules §29, §30), never a stack trace or the runtime's HTML. A redirect
 * passes as it is. The unexpected is logged with the request's correlation id,
 * which the page shows so that support can find it.
 */
@Component(service = ExceptionMapper.class)
@WebExtension
public class HtmlErrors extends PageResource implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlErrors.class);

    private final Pages pages;

    @Activate
    public HtmlErrors(@Reference Pages pages) {
        this.pages = pages;
    }

    /** What the error page says: a title, the reason, and for the unexpected the reference. */
    public record Failure(int status, String title, String detail, String reference) {
    }

    /** Whether the caller prefers JSON to HTML (a browser names text/html first). */
    private boolean wantsJson() {
        for (javax.ws.rs.core.MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(javax.ws.rs.core.MediaType.TEXT_HTML_TYPE)) {
                return false;
            }
            if (type.getSubtype().endsWith("json")) {
                return true;
            }
        }
        return false;
    }

    static String problemJson(Failure failure, Language language) {
        return "{\"type\":\"about:blank\",\"title\":" + quoted(failure.title()) + ",\"status\":" + failure.status()
                + ",\"detail\":" + quoted(failure.detail()) + ",\"language\":\"" + language.tag() + "\",\"api\":\""
                + Api.BASE_PATH + "\"}";
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() / 100 == 3) {
            return web.getResponse();
        }
        PageContext context = context("public");
        Language language = context.language();
        Map<String, String> t = pages.messages().of(language);
        Failure shown;
        Map<String, String> extraHeaders = Map.of();
        if (failure instanceof ProblemException problem) {
            shown = new Failure(problem.status(), problem.type().title().in(language), problem.detail().in(language), null);
            extraHeaders = problem.headers();
        } else if (failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404) {
            shown = new Failure(404, t.get("error.notFound.title"), t.get("error.notFound.detail"), null);
        } else if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            shown = new Failure(status, t.get("error.refused.title"), t.get("error.refused.detail"), null);
        } else {
            String reference = headers.getHeaderString(Api.CORRELATION_HEADER);
            LOG.error("page {} failed (correlation {})", uri.getRequestUri().getRawPath(), reference, failure);
            shown = new Failure(500, t.get("error.failed.title"), t.get("error.failed.detail"), reference);
        }
        Response.ResponseBuilder answer;
        if (wantsJson()) {
            // a program that asked outside the API (Accept: application/json) gets the API's kind of answer
            answer = Response.status(shown.status()).type(Api.PROBLEM_JSON + ";charset=UTF-8").header("Content-Language",
                    language.tag()).entity(problemJson(shown, language));
            extraHeaders.forEach(answer::header);
            return answer.build();
        }
        try {
            answer = Response.status(shown.status()).type(Pages.HTML)
                    .entity(pages.render("error", context, Map.of("failure", shown)));
        } catch (RuntimeException renderFailed) {
            LOG.error("the error page could not be rendered", renderFailed);
            answer = Response.status(shown.status()).type("text/plain;charset=UTF-8").entity(shown.title() + "\n" + shown.detail());
        }
        extraHeaders.forEach(answer::header);
        return answer.build();
    }
}
