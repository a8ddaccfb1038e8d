package kz.qyzmet.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the HTTP API, PID {@code kz.qyzmet.http}: {@code qyzmet.http.<name.with.dots>}
 * or {@code QYZMET_HTTP_<NAME>} ({@code QYZMET_HTTP_TRUSTED_PROXIES}).
 */
@ObjectClassDefinition(name = "Qyzmet HTTP API")
public @interface HttpConfiguration {
    String PID = "kz.qyzmet.http";

    @AttributeDefinition(description = "Reverse proxies (comma-separated IPs or CIDRs) whose Forwarded / X-Forwarded-For"
            + " headers name the client's address; from anyone else those headers are ignored")
    String trusted_proxies() default "";

    @AttributeDefinition(description = "Largest JSON request body, bytes; larger ones are answered 413")
    long max_json_body_bytes() default 1L << 20;

    @AttributeDefinition(description = "Largest request body of any other type (a document to verify, a bundle), bytes")
    long max_body_bytes() default 64L << 20;
}
