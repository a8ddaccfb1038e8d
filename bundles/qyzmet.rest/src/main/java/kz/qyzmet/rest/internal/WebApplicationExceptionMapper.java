package kz.qyzmet.rest.internal;

import java.util.Map;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import kz.qyzmet.rest.api.ApiExtension;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemType;

/**
 * Errors the JAX-RS runtime raises itself (no such path, wrong method, unsupported
 * media type…) become problems too, so a client never sees the container's HTML.
 */
@Component(service = ExceptionMapper.class)
@ApiExtension
@JaxrsName("qyzmet.webapplication.problems")
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    HttpHeaders headers;

    WebApplicationExceptionMapper withHeaders(HttpHeaders requestHeaders) {
        this.headers = requestHeaders;
        return this;
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof InvalidParameter invalid) {
            return ProblemResponses.of(invalid.problem, headers);
        }
        int status = exception.getResponse() == null ? 500 : exception.getResponse().getStatus();
        ProblemType type;
        LocalizedText detail;
        switch (status) {
        case 404 -> {
            if (exception.getCause() instanceof IllegalArgumentException) {
                // JAX-RS turns an unreadable path or query parameter into a 404: it is a bad request
                type = CommonProblems.BAD_REQUEST;
                detail = LocalizedText.of("Сұрау параметрінің мәні қате.", "Недопустимое значение параметра запроса.",
                        "A request parameter has an invalid value.");
                status = 400;
                break;
            }
            type = CommonProblems.NOT_FOUND;
            detail = LocalizedText.of("Сұралған ресурс жоқ.", "Запрошенный ресурс не существует.",
                    "The requested resource does not exist.");
        }
        case 405 -> {
            type = CommonProblems.METHOD_NOT_ALLOWED;
            detail = LocalizedText.of("Бұл ресурс мұндай әдісті қабылдамайды.", "Ресурс не поддерживает этот метод.",
                    "This resource does not support that method.");
        }
        case 406 -> {
            type = CommonProblems.NOT_ACCEPTABLE;
            detail = LocalizedText.of("Жауапты сұралған пішімде беру мүмкін емес.",
                    "Ответ невозможно выдать в запрошенном формате.", "The answer cannot be given in the requested format.");
        }
        case 415 -> {
            type = CommonProblems.UNSUPPORTED_MEDIA_TYPE;
            detail = LocalizedText.of("Сұрау денесін application/json пішімінде жіберіңіз.",
                    "Отправьте тело запроса в формате application/json.", "Send the request body as application/json.");
        }
        case 413 -> {
            long limit = exception instanceof BodyLimitFilter.PayloadTooLarge tooLarge ? tooLarge.limit : -1;
            return ProblemResponses.of(CommonProblems.PAYLOAD_TOO_LARGE, 413, LocalizedText.of(
                    "Сұрау денесі тым үлкен (ең көбі {limit} байт).", "Тело запроса слишком велико (не более {limit} байт).",
                    "The request body is too large (at most {limit} bytes).").format(Map.of("limit", limit)),
                    Map.of("limit", limit), headers);
        }
        case 401 -> {
            type = CommonProblems.UNAUTHENTICATED;
            detail = LocalizedText.of("Жүйеге кіріңіз.", "Выполните вход.", "Please sign in.");
        }
        case 403 -> {
            type = CommonProblems.FORBIDDEN;
            detail = LocalizedText.of("Бұл әрекетке құқығыңыз жоқ.", "У вас нет прав на это действие.",
                    "You are not allowed to do this.");
        }
        default -> {
            if (status >= 500) {
                return UnexpectedExceptionMapper.internalError(exception, headers);
            }
            type = CommonProblems.BAD_REQUEST;
            detail = LocalizedText.of("Сұрауды өңдеу мүмкін емес.", "Запрос не может быть обработан.",
                    "The request cannot be processed.");
        }
        }
        Response.ResponseBuilder response = Response.fromResponse(
                ProblemResponses.of(type, status, detail, Map.of(), headers));
        if (status == 405 && exception.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, exception.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }
}
