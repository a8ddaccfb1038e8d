package kz.qyzmet.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import kz.qyzmet.rest.api.Api;
import kz.qyzmet.rest.api.ApiExtension;

/**
 * JSON for the application (Jackson), including {@code application/problem+json}.
 * Decimal amounts are written as strings that keep their scale ({@code "250.50"}).
 * Unknown properties in a request are refused so that a misspelt field is an
 * error the client sees, not a silently ignored instruction.
 */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class })
@ApiExtension
@JaxrsName("qyzmet.json")
@JaxrsMediaType({ MediaType.APPLICATION_JSON, Api.PROBLEM_JSON })
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json" })
@Produces({ MediaType.APPLICATION_JSON, "application/*+json" })
public class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(objectMapper());
    }

    static ObjectMapper objectMapper() {
        ObjectMapper mapper = new ObjectMapper();
        // money and quantities keep their exact value and scale: "250.50", never a binary float
        mapper.configOverride(java.math.BigDecimal.class)
                .setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forShape(com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING));
        return mapper
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
