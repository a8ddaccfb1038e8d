package kz.qyzmet.service.operationsreport.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings {@code qyzmet.reports.*} (PID {@code kz.qyzmet.reports}). */
@ObjectClassDefinition(name = "Qyzmet operations reports")
public @interface ReportConfiguration {
    @AttributeDefinition(description = "How often an idle node looks for queued report jobs, in milliseconds")
    long poll_millis() default 2000;

    @AttributeDefinition(description = "A running job whose node gave no sign of life for this long is taken over, in seconds")
    long takeover_seconds() default 120;
}
