package kz.qyzmet.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
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
 * error the client sees, not a silently ignored instruction; so is a field given
 * twice ({@code {"amount":"1","amount":"1000"}}: which one did the client mean?).
 * Decimals are read by {@link BoundedDecimal}: plain notation of bounded length,
 * never an exponent that would cost seconds of arithmetic.
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
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("qyzmet-decimals").addDeserializer(java.math.BigDecimal.class,
                new BoundedDecimal()).addDeserializer(String.class, new CleanText()));
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

    /**
     * A decimal amount or quantity: a JSON string or number in plain notation, at
     * most {@value #INTEGER_DIGITS} digits before the point and {@value #FRACTION_DIGITS}
     * after it. Whether the scale fits the asset is the ledger's to say.
     */
    static final class BoundedDecimal extends StdScalarDeserializer<java.math.BigDecimal> {
        private static final long serialVersionUID = 1L;
        static final int INTEGER_DIGITS = 30;
        static final int FRACTION_DIGITS = 18;
        private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile(
                "-?[0-9]{1," + INTEGER_DIGITS + "}(\\.[0-9]{1," + FRACTION_DIGITS + "})?");

        BoundedDecimal() {
            super(java.math.BigDecimal.class);
        }

        @Override
        public java.math.BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws java.io.IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (java.math.BigDecimal) context.handleUnexpectedToken(java.math.BigDecimal.class, parser);
            }
            String text = parser.getText().strip();
            if (text.length() > INTEGER_DIGITS + FRACTION_DIGITS + 2 || !PLAIN.matcher(text).matches()) {
                throw InvalidFormatException.from(parser, "not a bounded plain decimal",
                        text.length() > 60 ? text.substring(0, 60) + "…" : text, java.math.BigDecimal.class);
            }
            return new java.math.BigDecimal(text);
        }
    }
}
