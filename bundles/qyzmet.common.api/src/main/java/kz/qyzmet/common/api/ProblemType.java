package kz.qyzmet.common.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable problem type: its URI never changes once published, so clients can
 * branch on it. The title is the short, fixed summary in the three languages.
 */
public record ProblemType(String slug, LocalizedText title) {
    /** Base of every problem type URI. */
    public static final String BASE_URI = "https://qyzmet.kz/problems/";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*");

    public ProblemType {
        Objects.requireNonNull(title, "title");
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("problem slug must be lower-case words joined by '-' or '/': " + slug);
        }
    }

    /** The {@code type} member: an absolute URI. */
    public String uri() {
        return BASE_URI + slug;
    }
}
