package kz.qyzmet.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import kz.qyzmet.rest.api.ApiExtension;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;

/** A request body that is not valid JSON, or does not fit the expected shape, is a 400 naming the field. */
@Component(service = ExceptionMapper.class)
@ApiExtension
@JaxrsName("qyzmet.json.problems")
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    /** Jackson's words for STRICT_DUPLICATE_DETECTION; no typed exception carries the name. */
    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("^Duplicate field '(.{1,100})'");

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(JsonProcessingException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.PayloadTooLarge tooLarge) {
                return new WebApplicationExceptionMapper().withHeaders(headers).toResponse(tooLarge); // the body was cut off
            }
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        String field = "";
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            field = path.toString();
            extensions.put("field", field);
        }
        if (exception instanceof InvalidFormatException format && format.getTargetType() == java.math.BigDecimal.class) {
            return ProblemResponses.of(CommonProblems.VALIDATION, 400, LocalizedText.of(
                    "{field}: 250.50 сияқты ондық сан — үтірге дейін ең көбі 30, кейін 18 цифр, дәрежесіз.",
                    "{field}: десятичное число вида 250.50 — не более 30 цифр до точки и 18 после, без экспоненты.",
                    "{field}: a decimal like 250.50 — at most 30 digits before the point and 18 after, no exponent.")
                    .format(Map.of("field", field)), extensions, headers);
        }
        if (exception instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return ProblemResponses.of(CommonProblems.VALIDATION, 400, LocalizedText.of(
                    "{field} өрісінде рұқсат етілмеген таңбалар бар (басқару таңбалары, мәтін бағытын өзгертетін таңбалар).",
                    "Поле {field} содержит недопустимые символы (управляющие, меняющие направление текста).",
                    "Field {field} contains characters that are not allowed (control or text-direction characters).")
                    .format(Map.of("field", field)), extensions, headers);
        }
        java.util.regex.Matcher duplicate = DUPLICATE.matcher(String.valueOf(exception.getOriginalMessage()));
        if (duplicate.find()) {
            extensions.put("field", duplicate.group(1));
            return ProblemResponses.of(CommonProblems.VALIDATION, 400, LocalizedText.of(
                    "{field} өрісі екі рет берілген.", "Поле {field} указано дважды.", "Field {field} is given twice.")
                    .format(Map.of("field", duplicate.group(1))), extensions, headers);
        }
        if (exception instanceof UnrecognizedPropertyException) {
            return ProblemResponses.of(CommonProblems.VALIDATION, 400, LocalizedText.of(
                    "Белгісіз өріс: {field}.", "Неизвестное поле: {field}.", "Unknown field: {field}.")
                    .format(Map.of("field", field)), extensions, headers);
        }
        if (exception instanceof JsonMappingException && !field.isEmpty()) {
            return ProblemResponses.of(CommonProblems.VALIDATION, 400, LocalizedText.of(
                    "{field} өрісінің мәні қате.", "Недопустимое значение поля {field}.",
                    "Invalid value of field {field}.").format(Map.of("field", field)), extensions, headers);
        }
        return ProblemResponses.of(CommonProblems.MALFORMED_JSON, 400, LocalizedText.of(
                "Сұрау денесі дұрыс JSON емес.", "Тело запроса не является корректным JSON.",
                "The request body is not valid JSON."), extensions, headers);
    }
}
