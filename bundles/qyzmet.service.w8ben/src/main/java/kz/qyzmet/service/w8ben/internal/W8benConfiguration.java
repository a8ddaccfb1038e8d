package kz.qyzmet.service.w8ben.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** W-8BEN settings, PID {@code kz.qyzmet.w8ben} (settings {@code qyzmet.w8ben.*}). */
@ObjectClassDefinition(name = "Qyzmet W-8BEN")
public @interface W8benConfiguration {

    @AttributeDefinition(description = "Days before a form expires when the client is reminded to submit a new one")
    int remind_days_before() default 60;

    @AttributeDefinition(description = "The message channel reminders go through (sms, push, email)")
    String channel() default "sms";
}
