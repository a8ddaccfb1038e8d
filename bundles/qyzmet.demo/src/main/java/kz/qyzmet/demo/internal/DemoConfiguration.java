package kz.qyzmet.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The demo version's accounts, PID {@code kz.qyzmet.demo} (settings {@code qyzmet.demo.*}). */
@ObjectClassDefinition(name = "Qyzmet demo version")
public @interface DemoConfiguration {

    @AttributeDefinition(description = "Virtual money of a new demo account, and what a reset restores, CODE=amount")
    String[] virtual_money() default { "KZT=10000000", "USD=10000" };

    @AttributeDefinition(description = "Sign-ups per client address and hour")
    int signups_per_hour() default 5;
}
