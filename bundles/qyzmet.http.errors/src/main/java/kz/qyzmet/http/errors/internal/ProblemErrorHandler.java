package kz.qyzmet.http.errors.internal;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.rest.api.Api;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Problem;
import kz.qyzmet.common.api.ProblemType;

/**
 * What Jetty answers itself, before any application sees the request (a
 * malformed URI, an ambiguous path, headers too large): the same problem+json in
 * the client's language as every other error, with the API's security headers,
 * instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int status = response.getStatus();
        Object error = request.getAttribute(ERROR_STATUS);
        if (error instanceof Integer code) {
            status = code;
        }
        if (status < 400) {
            status = 500;
        }
        String acceptLanguage = request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE);
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (status == 404 && path != null && path.startsWith(Api.BASE_PATH + "/")) {
            // nothing serves the API (yet, or any more): the platform is starting or stopping
            status = 503;
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "2");
        }
        LocalizedText detail = detail(status);
        if (request.getHeaders().size() == 0) {
            // refused before its headers were read (a malformed request line, an illegal path): the language the
            // client asked for is unknown, so the reason is given in all three
            String all = detail.kk() + " / " + detail.ru() + " / " + detail.en();
            detail = LocalizedText.of(all, all, all);
        }
        Language language = language(acceptLanguage);
        byte[] bytes = body(status, detail, language);
        response.setStatus(status);
        SECURITY_HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Api.PROBLEM_JSON + ";charset=UTF-8");
        response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, language.tag());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, String.valueOf(bytes.length));
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }

    /** The problem+json body of a refusal the HTTP layer answers itself. */
    static byte[] body(int status, LocalizedText detail, Language language) {
        Map<String, Object> body = Problem.body(type(status), status, detail, Map.of(), language,
                "urn:qyzmet:request:" + UUID.randomUUID());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a problem of strings and numbers is always JSON", e);
        }
    }

    static Language language(String acceptLanguage) {
        try {
            return Language.fromAcceptLanguage(acceptLanguage);
        } catch (RuntimeException e) {
            return Language.DEFAULT;
        }
    }

    static ProblemType type(int status) {
        return switch (status) {
        case 404 -> CommonProblems.NOT_FOUND;
        case 405 -> CommonProblems.METHOD_NOT_ALLOWED;
        case 413 -> CommonProblems.PAYLOAD_TOO_LARGE;
        case 431 -> CommonProblems.HEADERS_TOO_LARGE;
        case 503 -> CommonProblems.UNAVAILABLE;
        default -> status >= 500 ? CommonProblems.INTERNAL : CommonProblems.BAD_REQUEST;
        };
    }

    static LocalizedText detail(int status) {
        return switch (status) {
        case 404 -> LocalizedText.of("Сұралған ресурс жоқ.", "Запрошенный ресурс не существует.",
                "The requested resource does not exist.");
        case 405 -> LocalizedText.of("Бұл ресурс мұндай әдісті қабылдамайды.", "Ресурс не поддерживает этот метод.",
                "This resource does not support that method.");
        case 413 -> LocalizedText.of("Сұрау тым үлкен.", "Запрос слишком велик.", "The request is too large.");
        case 431 -> LocalizedText.of("Сұрау тақырыптары тым үлкен.", "Заголовки запроса слишком велики.",
                "The request headers are too large.");
        case 503 -> LocalizedText.of(
                "Платформа іске қосылып, тоқтап немесе қызметтерін жаңартып жатыр; бірнеше секундтан кейін қайталаңыз.",
                "Платформа запускается, останавливается или обновляет свои сервисы; повторите через несколько секунд.",
                "The platform is starting, stopping or changing its services; try again in a few seconds.");
        default -> status >= 500
                ? LocalizedText.of("Сервер сұрауды өңдей алмады.", "Сервер не смог обработать запрос.",
                        "The server could not process the request.")
                : LocalizedText.of("Сұрау HTTP ережелеріне сай емес (мекенжайы, тақырыптары немесе пішімі).",
                        "Запрос не соответствует правилам HTTP (адрес, заголовки или формат).",
                        "The request does not follow HTTP's rules (its address, headers or format).");
        };
    }
}
