package kz.qyzmet.ledger.api;

import java.util.Locale;
import java.util.Map;

import kz.qyzmet.common.api.LocalizedText;

/**
 * The kinds of ledger entries the platform posts, and how documents name them
 * and the sub-accounts in the client's language (issue #13: no {@code PAYMENT_IN}
 * or {@code AVAILABLE} in a Kazakh or Russian document). A kind a service
 * invents and does not name here is shown in words made from its code.
 */
public final class OperationKinds {
    public static final String PAYMENT_IN = "PAYMENT_IN";
    public static final String SECURITIES_IN = "SECURITIES_IN";
    public static final String REVERSAL = "REVERSAL";
    public static final String TRANSFER = "TRANSFER";
    public static final String HOLD = "HOLD";
    public static final String RELEASE = "RELEASE";
    public static final String FEE = "FEE";
    public static final String WITHDRAWAL = "WITHDRAWAL";
    /** A purchase of securities on the exchange, with its fee. @since 1.6 */
    public static final String SECURITIES_BOUGHT = "SECURITIES_BOUGHT";
    /** A sale of securities on the exchange, with its fee. @since 1.6 */
    public static final String SECURITIES_SOLD = "SECURITIES_SOLD";

    private static final Map<String, LocalizedText> KINDS = Map.ofEntries(
            Map.entry(PAYMENT_IN, LocalizedText.of("Ақша түсімі", "Зачисление денег", "Money received")),
            Map.entry(SECURITIES_IN, LocalizedText.of("Бағалы қағаздарды есепке алу", "Зачисление ценных бумаг",
                    "Securities received")),
            Map.entry(REVERSAL, LocalizedText.of("Сторно", "Сторно", "Reversal")),
            Map.entry(TRANSFER, LocalizedText.of("Шоттар арасындағы аударым", "Перевод между счетами",
                    "Transfer between accounts")),
            Map.entry(HOLD, LocalizedText.of("Бұғаттау (өтінім бойынша)", "Резервирование по поручению",
                    "Held for an instruction")),
            Map.entry(RELEASE, LocalizedText.of("Резервтен босату", "Снятие резерва", "Hold released")),
            Map.entry(FEE, LocalizedText.of("Брокер комиссиясы", "Комиссия брокера", "Broker's fee")),
            Map.entry(WITHDRAWAL, LocalizedText.of("Ақша шығару", "Вывод денег", "Withdrawal")),
            Map.entry(SECURITIES_BOUGHT, LocalizedText.of("Бағалы қағаздарды сатып алу", "Покупка ценных бумаг",
                    "Securities bought")),
            Map.entry(SECURITIES_SOLD, LocalizedText.of("Бағалы қағаздарды сату", "Продажа ценных бумаг",
                    "Securities sold")));

    private static final Map<SubAccount, LocalizedText> SUB_ACCOUNTS = Map.of(
            SubAccount.AVAILABLE, LocalizedText.of("қолжетімді", "доступно", "available"),
            SubAccount.HELD, LocalizedText.of("резервте", "в резерве", "held"),
            SubAccount.BLOCKED, LocalizedText.of("бұғатталған", "заблокировано", "blocked"));

    private OperationKinds() {
    }

    /** The kind in words; an unknown one as its code in lower case words ({@code COUPON_PAID} → "coupon paid"). */
    public static LocalizedText label(String kind) {
        LocalizedText known = kind == null ? null : KINDS.get(kind);
        if (known != null) {
            return known;
        }
        String words = kind == null ? "" : kind.toLowerCase(Locale.ROOT).replace('_', ' ');
        return LocalizedText.of(words, words, words);
    }

    public static LocalizedText label(SubAccount subAccount) {
        return SUB_ACCOUNTS.get(subAccount);
    }
}
