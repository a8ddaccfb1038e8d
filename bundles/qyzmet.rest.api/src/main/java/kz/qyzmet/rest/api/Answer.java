package kz.qyzmet.rest.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an endpoint that builds its own {@code Response} answers when it
 * succeeds, for the API's OpenAPI document: the status, the body's Java type
 * (a record, whose components become the schema) and its media type. A typed
 * method needs none: its return type says it. Refusals are always
 * problem+json and are documented by the platform.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Answer.All.class)
public @interface Answer {
    /** The HTTP status of this answer: 200, 201, 202, 204… */
    int status();

    /** The body's type; {@code Void} for an answer without a body (204). */
    Class<?> body() default Void.class;

    /** The body's media type; a binary type (PDF, CSV…) is documented as a file. */
    String mediaType() default "application/json";

    /** Say when the answer is given, if more than one is possible. */
    String description() default "";

    /** Several answers of one endpoint (e.g. 201 created, 200 replaced). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface All {
        Answer[] value();
    }
}
