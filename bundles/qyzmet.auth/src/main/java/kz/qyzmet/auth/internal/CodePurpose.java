package kz.qyzmet.auth.internal;

import java.util.Map;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;

/**
 * The texts that carry one-time codes. Each starts with the code (so phones can
 * offer to paste it), says what it is for, and warns never to pass it on (§39).
 */
enum CodePurpose {
    ACTIVATION(LocalizedText.of("{code} — Qyzmet тіркелгісін белсендіру коды.",
            "{code} — код активации учётной записи Qyzmet.",
            "{code} is your Qyzmet account activation code.")),
    LOGIN(LocalizedText.of("{code} — Qyzmet-ке кіру коды.", "{code} — код входа в Qyzmet.",
            "{code} is your Qyzmet login code.")),
    SECOND_FACTOR(LocalizedText.of("{code} — Qyzmet қызметкерінің кіру коды.", "{code} — код входа сотрудника Qyzmet.",
            "{code} is your Qyzmet staff login code.")),
    SECURITY(LocalizedText.of("{code} — қауіпсіздік сессиясын ашу коды.", "{code} — код открытия сессии безопасности.",
            "{code} opens your security session.")),
    CONFIRMATION(LocalizedText.of("{code} — растау коды: {summary}.", "{code} — код подтверждения: {summary}.",
            "{code} confirms: {summary}.")),
    RECOVERY(LocalizedText.of("{code} — құпиясөзді қалпына келтіру коды.", "{code} — код восстановления пароля.",
            "{code} is your password recovery code.")),
    /** A new phone or e-mail named in a change of personal data (§7.2), proven by the one who holds it. */
    CONTACT(LocalizedText.of("{code} — Qyzmet тіркелгісі үшін осы байланысты растау коды.",
            "{code} — код подтверждения этого контакта для учётной записи Qyzmet.",
            "{code} confirms this contact for your Qyzmet account."));

    private static final LocalizedText WARNING = LocalizedText.of(" Кодты ешкімге айтпаңыз.",
            " Никому не сообщайте код.", " Never share this code.");

    private final LocalizedText template;

    CodePurpose(LocalizedText template) {
        this.template = template;
    }

    /**
     * Whether the code may go to a messenger the client linked (issue 16): the codes
     * of the client's own session (opening a security session, confirming an
     * instruction). Activation, recovery and login by phone prove the phone itself,
     * a contact proof proves the new address, staff codes stay on the staff phone.
     */
    boolean followsLinkedMessenger() {
        return this == SECURITY || this == CONFIRMATION;
    }

    String text(String code, LocalizedText summary, Language language) {
        String summaryText = summary == null ? "" : summary.in(language);
        return template.format(Map.of("code", code, "summary", summaryText)).in(language) + WARNING.in(language);
    }
}
