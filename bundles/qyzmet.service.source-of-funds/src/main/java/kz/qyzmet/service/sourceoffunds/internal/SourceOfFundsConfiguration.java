package kz.qyzmet.service.sourceoffunds.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Source-of-funds limits, PID {@code kz.qyzmet.sourceoffunds} (settings {@code qyzmet.sourceoffunds.*}). */
@ObjectClassDefinition(name = "Qyzmet source of funds")
public @interface SourceOfFundsConfiguration {

    @AttributeDefinition(description = "The largest evidence file accepted, in bytes")
    long max_file_bytes() default 10L << 20;

    @AttributeDefinition(description = "Evidence files one client may upload per day (UTC)")
    int files_per_day() default 30;

    @AttributeDefinition(description = "Evidence files one statement may name")
    int files_per_statement() default 10;

    @AttributeDefinition(description = "Days an approved confirmation counts for withdrawals and the like")
    int valid_days() default 365;
}
