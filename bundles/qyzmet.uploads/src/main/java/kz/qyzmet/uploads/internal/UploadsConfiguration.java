package kz.qyzmet.uploads.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code kz.qyzmet.uploads}; settings {@code qyzmet.uploads.<name>}. */
@ObjectClassDefinition(name = "Qyzmet uploads")
public @interface UploadsConfiguration {
    @AttributeDefinition(description = "The largest file accepted, in bytes")
    long max_file_bytes() default 10L * 1024 * 1024;

    @AttributeDefinition(description = "Files one client may upload per day")
    int files_per_day() default 30;

    @AttributeDefinition(description = "Days a file's content is kept, per purpose (purpose=days, comma-separated); a purpose"
            + " not named is kept for good")
    String retention_days() default "identity-document=1826";
}
