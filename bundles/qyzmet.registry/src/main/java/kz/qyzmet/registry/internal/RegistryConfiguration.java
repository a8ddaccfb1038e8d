package kz.qyzmet.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Setting {@code qyzmet.registry.poll.ms}. */
@ObjectClassDefinition(name = "Qyzmet service registry")
@interface RegistryConfiguration {
    @AttributeDefinition(description = "How often (ms) a node re-reads service states that other nodes may have changed;"
            + " every node agrees within this interval plus one database round trip")
    long poll_ms() default 1000;
}
