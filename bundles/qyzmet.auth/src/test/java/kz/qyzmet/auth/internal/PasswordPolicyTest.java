package kz.qyzmet.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kz.qyzmet.auth.internal.PasswordPolicy.Violation;

/** Rules §41, as a table: each row is a password, the account, and every rule it must be refused for. */
class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} for {1}/{2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // acceptable
            "Kz!9vRtq      | aigerim | aigerim@mail.kz  | ''",
            "kz-9vrtq-77   | aigerim | aigerim@mail.kz  | ''",
            "Алма-Ата2026  | nurlan  | nurlan@mail.kz   | ''",
            "Қазақ#сөз     | nurlan  | nurlan@mail.kz   | ''",
            // §41: at least 8 characters
            "Kz!9vRt       | aigerim | aigerim@mail.kz  | TOO_SHORT",
            // §41: 3 of the 4 classes
            "kzvrtqxwpl    | aigerim | aigerim@mail.kz  | TOO_FEW_CLASSES",
            "kzvrtq1234    | aigerim | aigerim@mail.kz  | TOO_FEW_CLASSES",
            "KZVRTQ!!!!    | aigerim | aigerim@mail.kz  | TOO_FEW_CLASSES",
            "қазақсөздер   | nurlan  | nurlan@mail.kz   | TOO_FEW_CLASSES",
            // §41: no part of the account name (3-character runs, any case)
            "Zaigerimx!26  | aigerim | aigerim@mail.kz  | CONTAINS_ACCOUNT_NAME",
            "xGERx!2026z   | aigerim | aigerim@mail.kz  | CONTAINS_ACCOUNT_NAME",
            "Pass#Nur99    | n.beisen| nurlan@mail.kz   | CONTAINS_ACCOUNT_NAME",
            "Mail.kz#2026q | aigerim | aigerim@mail.kz  | ''",
            // several at once: every rule broken is named
            // beyond §41 (issue #11, item 8): the most common passwords, however dressed up, and the broker's name
            "Password1     | aigerim | aigerim@mail.kz  | COMMON",
            "P@ssw0rd      | aigerim | aigerim@mail.kz  | COMMON",
            "Qwerty123     | aigerim | aigerim@mail.kz  | COMMON",
            "Sunshine2026! | aigerim | aigerim@mail.kz  | COMMON",
            "Freedom#2026  | aigerim | aigerim@mail.kz  | COMMON",
            "Qyzmet-Strong-1 | aigerim | aigerim@mail.kz | COMMON",
            "Tr@dernet77   | aigerim | aigerim@mail.kz  | COMMON",
            "aig1          | aigerim | aigerim@mail.kz  | TOO_SHORT,TOO_FEW_CLASSES,CONTAINS_ACCOUNT_NAME",
            "NULL          | aigerim | aigerim@mail.kz  | TOO_SHORT,TOO_FEW_CLASSES"
    })
    void refusesExactlyTheRulesBroken(String password, String login, String email, String expected) {
        List<Violation> violations = PasswordPolicy.check(password, login, email);
        List<Violation> wanted = expected.isEmpty() ? List.of()
                : Arrays.stream(expected.split(",")).map(Violation::valueOf).toList();
        assertEquals(wanted, violations);
    }
}
