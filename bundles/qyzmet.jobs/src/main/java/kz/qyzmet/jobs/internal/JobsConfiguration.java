package kz.qyzmet.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of background jobs, PID {@code kz.qyzmet.jobs} ({@code QYZMET_JOBS_*}). */
@ObjectClassDefinition(name = "Qyzmet jobs")
public @interface JobsConfiguration {

    @AttributeDefinition(description = "How often an idle node looks for a job, in milliseconds")
    long poll_millis() default 2000;

    @AttributeDefinition(description = "Seconds without a heartbeat after which another node takes a running job over")
    int takeover_seconds() default 120;

    @AttributeDefinition(description = "Seconds between the heartbeats a node sends for the job it runs")
    int heartbeat_seconds() default 10;
}
