package kz.qyzmet.auth.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords an attacker tries first (OWASP ASVS 5.0, V6.2.4): the 30,000 most
 * common ones (the list of zxcvbn, MIT licence, copied into this bundle at build
 * time), also when written with the usual substitutions ({@code P@ssw0rd}) or
 * with digits and symbols added at the end ({@code Qwerty123!}), and words
 * naming the broker and this platform.
 */
final class CommonPasswords {
    static final String RESOURCE = "/common-passwords.txt";
    /** The broker and its systems (rules' preamble): the first words of a targeted guess. */
    static final List<String> CONTEXT_WORDS = List.of("qyzmet", "freedom", "tradernet", "ffin", "broker", "брокер");
    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    static boolean isCommon(String password) {
        String lowered = password.toLowerCase(Locale.ROOT);
        String plain = unleet(lowered);
        for (String word : CONTEXT_WORDS) {
            if (lowered.contains(word) || plain.contains(word)) {
                return true;
            }
        }
        for (String form : new String[] { lowered, plain, trimmed(lowered), trimmed(plain) }) {
            if (form.length() >= 3 && LIST.contains(form)) {
                return true;
            }
        }
        return false;
    }

    /** Without the digits and symbols people append to satisfy a policy: "password123!" → "password". */
    private static String trimmed(String password) {
        int end = password.length();
        while (end > 0 && !Character.isLetter(password.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        while (start < end && !Character.isLetter(password.charAt(start))) {
            start++;
        }
        return password.substring(start, end);
    }

    private static String unleet(String password) {
        StringBuilder plain = new StringBuilder(password.length());
        for (char c : password.toCharArray()) {
            plain.append(switch (c) {
            case '@', '4' -> 'a';
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '$', '5' -> 's';
            case '7' -> 't';
            default -> c;
            });
        }
        return plain.toString();
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>(40_000);
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the auth bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String password = line.strip();
                if (!password.isEmpty()) {
                    passwords.add(password.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
