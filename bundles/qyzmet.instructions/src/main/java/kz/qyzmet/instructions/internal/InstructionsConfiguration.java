package kz.qyzmet.instructions.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings {@code qyzmet.instructions.*} (PID {@code kz.qyzmet.instructions}). */
@ObjectClassDefinition(name = "Qyzmet instructions")
public @interface InstructionsConfiguration {
    @AttributeDefinition(description = "National holidays, MM-dd, comma-separated; one on a weekend moves the day off to the next working day")
    String calendar_national_holidays() default InstructionsConfigurationDefaults.NATIONAL_HOLIDAYS;

    @AttributeDefinition(description = "Religious holidays, MM-dd, not moved when on a weekend")
    String calendar_religious_holidays() default InstructionsConfigurationDefaults.RELIGIOUS_HOLIDAYS;

    @AttributeDefinition(description = "Further days off by date, yyyy-MM-dd (Kurban Ait, government transfers)")
    String calendar_extra_holidays() default "2026-05-27,2027-05-16";

    @AttributeDefinition(description = "Weekend days made working by a government transfer, yyyy-MM-dd")
    String calendar_extra_working_days() default "";

    @AttributeDefinition(description = "Staff deadlines in business days per service, overriding the service's own, e.g. personal-data=3,w8ben=3")
    String deadlines() default "";
}
