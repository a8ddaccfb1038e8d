package kz.qyzmet.auth.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normal forms of the three identifiers of §20, so that "+7 (701) 123-45-67",
 * "87011234567" and "+77011234567" are one phone and "Aigerim@Mail.KZ" is one
 * e-mail.
 */
final class Identifiers {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    enum Kind {
        LOGIN, EMAIL, PHONE
    }

    record Identifier(Kind kind, String value) {
    }

    private Identifiers() {
    }

    /** Reads what a person typed into "login, e-mail or phone"; null when it is none of them. */
    static Identifier parse(String typed) {
        if (typed == null) {
            return null;
        }
        String trimmed = typed.strip();
        if (trimmed.contains("@")) {
            String email = email(trimmed);
            return email == null ? null : new Identifier(Kind.EMAIL, email);
        }
        String phone = phone(trimmed);
        if (phone != null) {
            return new Identifier(Kind.PHONE, phone);
        }
        String login = login(trimmed);
        return login == null ? null : new Identifier(Kind.LOGIN, login);
    }

    /** E.164, or null. Kazakhstan's national form 8 7XX XXX XX XX becomes +7 7XX XXX XX XX. */
    static String phone(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[\\s()\\-.]", "");
        if (digits.matches("8[0-9]{10}")) {
            digits = "+7" + digits.substring(1);
        }
        return E164.matcher(digits).matches() ? digits : null;
    }

    static String email(String typed) {
        if (typed == null) {
            return null;
        }
        String email = typed.strip().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(email).matches() ? email : null;
    }

    static String login(String typed) {
        if (typed == null) {
            return null;
        }
        String login = typed.strip().toLowerCase(Locale.ROOT);
        return LOGIN.matcher(login).matches() ? login : null;
    }
}
