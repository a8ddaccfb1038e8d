package kz.qyzmet.servicekit.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The only values a text component accepts: anything else is refused with a
 * problem naming the component before the handler sees it, and the cabinet's
 * form offers exactly these (its labels: {@link #labels}, or the values).
 *
 * @since 1.2
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OneOf {
    String[] value();

    /**
     * Per value, its label as {@code kk|ru|en} (e.g. {@code "Аудиторға хат|Письмо аудитору|Letter to the auditor"}),
     * in the order of {@link #value}; empty: the values themselves.
     */
    String[] labels() default {};
}
