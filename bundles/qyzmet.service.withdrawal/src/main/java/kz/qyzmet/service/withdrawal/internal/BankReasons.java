package kz.qyzmet.service.withdrawal.internal;

import java.util.Map;

import kz.qyzmet.common.api.LocalizedText;

/**
 * A bank's refusal in the client's words (§29): the ISO 20022 status reason
 * codes a bank gives most, and the bank's own text for any other, always with
 * the note that the money is back on the account.
 */
final class BankReasons {
    private static final Map<String, LocalizedText> KNOWN = Map.of(
            "AC01", LocalizedText.of("шот нөмірі қате", "неверный номер счёта", "the account number is wrong"),
            "AC04", LocalizedText.of("алушының шоты жабылған", "счёт получателя закрыт", "the receiving account is closed"),
            "AC06", LocalizedText.of("алушының шоты бұғатталған", "счёт получателя заблокирован",
                    "the receiving account is blocked"),
            "AG01", LocalizedText.of("бұл шотқа мұндай төлемге тыйым салынған", "такой платёж на этот счёт запрещён",
                    "such a payment to this account is not allowed"),
            "AM02", LocalizedText.of("сома рұқсат етілгеннен асады", "сумма превышает допустимую",
                    "the amount is above what is allowed"),
            "BE01", LocalizedText.of("алушының аты шот иесіне сәйкес келмейді", "имя получателя не совпадает с владельцем счёта",
                    "the name does not match the account holder"),
            "RC01", LocalizedText.of("банк коды (BIC) қате", "неверный код банка (BIC)", "the bank code (BIC) is wrong"));

    private BankReasons() {
    }

    static LocalizedText of(String code, String bankText) {
        LocalizedText reason = code == null ? null : KNOWN.get(code);
        String why = reason == null ? (bankText == null || bankText.isBlank() ? String.valueOf(code) : bankText) : null;
        String suffix = code == null ? "" : " (" + code + ")";
        return LocalizedText.of(
                "Банк төлемді қабылдамады: " + (reason == null ? why : reason.kk()) + suffix
                        + ". Ақша шотыңызға қайтарылды.",
                "Банк отклонил платёж: " + (reason == null ? why : reason.ru()) + suffix + ". Деньги возвращены на ваш счёт.",
                "The bank rejected the payment: " + (reason == null ? why : reason.en()) + suffix
                        + ". The money is back on your account.");
    }
}
