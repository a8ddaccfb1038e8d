package kz.qyzmet.servicekit.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a request component appears in the request form the personal cabinet
 * builds from the record (issue #14): its label in Kazakh, Russian and English,
 * and the kind of input. A component without it is shown with its name.
 *
 * @since 1.2
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface FormField {
    String kk();

    String ru();

    String en();

    /** The input the browser offers; a component with {@link OneOf} is a choice whatever this says. */
    Input input() default Input.TEXT;

    /**
     * For {@link Input#FILES}: the API path, below {@code /api/v1}, the browser
     * posts each picked file to as the request body (its name in {@code ?name=});
     * the answer's {@code id} is what the component holds.
     *
     * @since 1.3
     */
    String upload() default "";

    /**
     * For {@link Input#FILES}: the media types the browser offers to pick
     * (a hint: the upload checks the bytes itself).
     *
     * @since 1.3
     */
    String accept() default "";

    /** Kinds of input. */
    enum Input {
        /** One line of text. */
        TEXT,
        /** Several lines of text. */
        MULTILINE,
        /** A calendar day, sent as {@code YYYY-MM-DD}. */
        DATE,
        /** A whole number. */
        NUMBER,
        /**
         * An amount of money or securities, with decimals, sent as a string so that
         * nothing is lost to binary fractions ({@code BigDecimal} components are shown so).
         *
         * @since 1.3
         */
        AMOUNT,
        /**
         * Completed by the service in {@code draft} (a fee from the tariff, say) and
         * shown in what the client confirms, never asked in the form.
         *
         * @since 1.3
         */
        COMPUTED,
        /**
         * Files the client picks: the browser uploads each to {@link FormField#upload()}
         * first, and the component (a {@code String}) holds their ids, comma-separated.
         *
         * @since 1.3
         */
        FILES,
        /**
         * A secret the client types (a voice password): hidden as it is typed and
         * never shown back; the service's {@code draft} replaces it with what may be
         * stored (a staged hash's id), so the instruction never holds it.
         *
         * @since 1.3
         */
        SECRET
    }
}
