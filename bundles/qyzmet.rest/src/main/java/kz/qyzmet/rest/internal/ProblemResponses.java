package kz.qyzmet.rest.internal;

import java.util.Map;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import kz.qyzmet.rest.api.Api;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Problem;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.ProblemType;

/** Renders problems as {@code application/problem+json} in the language the client asked for. */
final class ProblemResponses {
    private ProblemResponses() {
    }

    static Response of(ProblemException problem, HttpHeaders headers) {
        Response.ResponseBuilder builder = build(problem.type(), problem.status(), problem.detail(),
                problem.extensions(), headers);
        problem.headers().forEach(builder::header);
        return builder.build();
    }

    static Response of(ProblemType type, int status, LocalizedText detail, Map<String, ?> extensions, HttpHeaders headers) {
        return build(type, status, detail, extensions, headers).build();
    }

    private static Response.ResponseBuilder build(ProblemType type, int status, LocalizedText detail,
            Map<String, ?> extensions, HttpHeaders headers) {
        Language language = language(headers);
        String correlationId = headers == null ? null : headers.getHeaderString(Api.CORRELATION_HEADER);
        Map<String, Object> body = Problem.body(type, status, detail, extensions, language,
                correlationId == null ? null : "urn:qyzmet:request:" + correlationId);
        return Response.status(status)
                .type(Api.PROBLEM_JSON + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                // its own type: CXF would otherwise write a problem with the failed method's return type
                .entity(new javax.ws.rs.core.GenericEntity<Map<String, Object>>(body) {
                });
    }

    static Language language(HttpHeaders headers) {
        try {
            return headers == null ? Language.DEFAULT
                    : Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        } catch (RuntimeException outsideRequest) {
            return Language.DEFAULT;
        }
    }
}
