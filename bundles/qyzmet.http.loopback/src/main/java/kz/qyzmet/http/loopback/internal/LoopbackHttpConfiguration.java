package kz.qyzmet.http.loopback.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Setting {@code qyzmet.http.port} / {@code QYZMET_HTTP_PORT}; unset or 0 means no plain listener. */
@ObjectClassDefinition(name = "Qyzmet plain HTTP listener",
        description = "Opt-in plain HTTP on 127.0.0.1 only, e.g. for a reverse proxy on the same host.")
@interface LoopbackHttpConfiguration {
    @AttributeDefinition(description = "Port on 127.0.0.1; 0 disables the listener")
    int port() default 0;
}
