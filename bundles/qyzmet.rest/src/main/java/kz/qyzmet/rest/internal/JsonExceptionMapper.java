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
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import kz.qyzmet.rest.api.ApiExtension;
import kz.qyzmet.rest.api.CommonProblems;
import kz.qyzmet.rest.api.LocalizedText;

/** A request body that is not valid JSON, or does not fit the expected shape, is a 400 naming the field. */
@Component(service = ExceptionMapper.class)
@ApiExtension
@JaxrsName("qyzmet.json.problems")
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(JsonProcessingException exception) {
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
