package kz.qyzmet.auth.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kz.qyzmet.common.api.LocalizedText;

/**
 * Rules §41, as enforced on every password set, change and reset:
 * <ol>
 * <li>at least 8 characters;</li>
 * <li>characters from at least 3 of the 4 classes: upper-case letters, lower-case
 * letters, digits, anything else (letters of every script count, so Kazakh and
 * Russian passwords are judged like Latin ones);</li>
 * <li>no part of the account name: no run of 3 or more consecutive characters,
 * ignoring case, taken from the login, the e-mail's local part, or any word of
 * the client's name of 3 or more characters;</li>
 * <li>beyond the rules (OWASP ASVS 5.0): not one of the most common passwords,
 * nor a word naming the broker ({@link CommonPasswords}).</li>
 * </ol>
 * A refusal lists every rule broken (rules §29), in kk, ru and en.
 */
public final class PasswordPolicy {
    static final int MIN_LENGTH = 8;
    static final int MIN_CLASSES = 3;
    static final int NAME_RUN = 3;

    /** A broken rule, with its text for the client. */
    public enum Violation {
        TOO_SHORT(LocalizedText.of("Құпиясөз кемінде 8 таңбадан тұруы керек.", "Пароль должен содержать не менее 8 символов.",
                "The password must have at least 8 characters.")),
        TOO_FEW_CLASSES(LocalizedText.of(
                "Құпиясөзде 4 топтың кемінде 3-інен таңба болуы керек: бас әріптер, кіші әріптер, цифрлар, басқа таңбалар.",
                "Пароль должен содержать символы минимум 3 из 4 групп: заглавные буквы, строчные буквы, цифры, прочие символы.",
                "The password needs characters from at least 3 of 4 groups: upper-case letters, lower-case letters, digits, other characters.")),
        CONTAINS_ACCOUNT_NAME(LocalizedText.of("Құпиясөзде тіркелгі атауы немесе оның бөлігі болмауы керек.",
                "Пароль не должен содержать имя учётной записи или его часть.",
                "The password must not contain the account name or any part of it.")),
        COMMON(LocalizedText.of(
                "Бұл құпиясөз жиі қолданылатындардың қатарында немесе брокердің атауын қамтиды: оны оңай табуға болады.",
                "Этот пароль входит в число самых распространённых или содержит название брокера: его легко подобрать.",
                "This password is among the most common ones or names the broker: it is easy to guess."));

        private final LocalizedText text;

        Violation(LocalizedText text) {
            this.text = text;
        }

        public LocalizedText text() {
            return text;
        }
    }

    private PasswordPolicy() {
    }

    /**
     * Every rule the password breaks; empty when it is acceptable.
     *
     * @param accountNames the login, e-mail and name of the account (nulls ignored)
     */
    public static List<Violation> check(String password, String... accountNames) {
        List<Violation> violations = new ArrayList<>();
        String candidate = password == null ? "" : password;
        if (candidate.codePointCount(0, candidate.length()) < MIN_LENGTH) {
            violations.add(Violation.TOO_SHORT);
        }
        if (classes(candidate) < MIN_CLASSES) {
            violations.add(Violation.TOO_FEW_CLASSES);
        }
        if (containsAccountName(candidate, accountNames)) {
            violations.add(Violation.CONTAINS_ACCOUNT_NAME);
        }
        if (CommonPasswords.isCommon(candidate)) {
            violations.add(Violation.COMMON);
        }
        return violations;
    }

    static int classes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length();) {
            int c = password.codePointAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
            i += Character.charCount(c);
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    static boolean containsAccountName(String password, String... accountNames) {
        String lowered = password.toLowerCase(Locale.ROOT);
        for (String part : parts(accountNames)) {
            for (int start = 0; start + NAME_RUN <= part.length(); start++) {
                if (lowered.contains(part.substring(start, start + NAME_RUN))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Login, e-mail local part, and the words of a name, lower-cased; parts shorter than the run are ignored. */
    static List<String> parts(String... accountNames) {
        List<String> parts = new ArrayList<>();
        for (String name : accountNames) {
            if (name == null) {
                continue;
            }
            String value = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
            parts.add(value.toLowerCase(Locale.ROOT));
            for (String word : value.split("[\\s._\\-+]+")) {
                parts.add(word.toLowerCase(Locale.ROOT));
            }
        }
        parts.removeIf(part -> part.length() < NAME_RUN);
        return parts;
    }
}
