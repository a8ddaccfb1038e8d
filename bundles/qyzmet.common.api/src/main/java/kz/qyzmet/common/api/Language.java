package kz.qyzmet.common.api;

import java.util.Locale;

/** The languages every client-facing text exists in. Russian is the default (issue #3). */
public enum Language {
    KK, RU, EN;

    public static final Language DEFAULT = RU;

    /** BCP 47 tag, e.g. {@code kk}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Picks the language from an {@code Accept-Language} header (RFC 9110 §12.5.4):
     * the supported language with the highest quality wins, ties go to the earlier
     * entry; anything unsupported, malformed or absent gives {@link #DEFAULT}.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        Language best = null;
        double bestQuality = 0;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            Language candidate = fromTag(pieces[0].trim());
            double quality = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (candidate != null && quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best == null ? DEFAULT : best;
    }

    /** The language of a tag such as {@code kk}, {@code kk-KZ} or {@code ru-RU}; null if unsupported. */
    public static Language fromTag(String tag) {
        if (tag == null || tag.isEmpty()) {
            return null;
        }
        String primary = tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.tag().equals(primary)) {
                return language;
            }
        }
        return null;
    }
}
