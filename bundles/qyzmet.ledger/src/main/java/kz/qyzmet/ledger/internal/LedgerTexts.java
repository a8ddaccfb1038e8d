package kz.qyzmet.ledger.internal;

import java.math.BigDecimal;
import java.util.Map;

import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.ledger.api.LedgerRefusal.Reason;
import kz.qyzmet.common.api.LocalizedText;

/** The ledger's refusals, worded for clients and operators in kk, ru and en (rules §29, §30). */
final class LedgerTexts {
    private LedgerTexts() {
    }

    static LedgerRefusal insufficientFunds(String account, String asset, BigDecimal available, BigDecimal needed) {
        return new LedgerRefusal(Reason.INSUFFICIENT_FUNDS, LocalizedText.of(
                "{account} шотында қаражат жеткіліксіз: қолжетімді {available} {asset}, қажет {needed} {asset}.",
                "Недостаточно денег на счёте {account}: доступно {available} {asset}, нужно {needed} {asset}.",
                "Not enough money on account {account}: {available} {asset} available, {needed} {asset} needed.")
                .format(Map.of("account", account, "asset", asset, "available", available.toPlainString(),
                        "needed", needed.toPlainString())),
                Map.of("account", account, "asset", asset, "available", available, "needed", needed));
    }

    static LedgerRefusal insufficientSecurities(String account, String asset, BigDecimal onAccount, BigDecimal needed) {
        return new LedgerRefusal(Reason.INSUFFICIENT_SECURITIES, LocalizedText.of(
                "{account} шотында {asset} бағалы қағаздары жеткіліксіз: шотта {held}, есептен шығаруға {needed}.",
                "Списываемых ценных бумаг {asset} больше, чем на счёте {account}: на счёте {held}, к списанию {needed}.",
                "More {asset} securities to write off than on account {account}: {held} on the account, {needed} to write off.")
                .format(Map.of("account", account, "asset", asset, "held", onAccount.toPlainString(),
                        "needed", needed.toPlainString())),
                Map.of("account", account, "asset", asset, "onAccount", onAccount, "needed", needed));
    }

    static LedgerRefusal encumbered(String account, String asset, BigDecimal available, BigDecimal held,
            BigDecimal blocked, BigDecimal needed) {
        return new LedgerRefusal(Reason.ENCUMBERED, LocalizedText.of(
                "{account} шотындағы {asset} ауыртпалықта немесе бұғатталған: қолжетімді {available}, ұсталған {held},"
                        + " бұғатталған {blocked}, қажет {needed}.",
                "{asset} на счёте {account} обременены и/или заблокированы: доступно {available}, удержано {held},"
                        + " заблокировано {blocked}, нужно {needed}.",
                "{asset} on account {account} are encumbered or blocked: {available} available, {held} held,"
                        + " {blocked} blocked, {needed} needed.")
                .format(Map.of("account", account, "asset", asset, "available", available.toPlainString(),
                        "held", held.toPlainString(), "blocked", blocked.toPlainString(), "needed", needed.toPlainString())),
                Map.of("account", account, "asset", asset, "available", available, "held", held, "blocked", blocked,
                        "needed", needed));
    }

    static LedgerRefusal invalid(Reason reason, String kk, String ru, String en, Map<String, ?> values) {
        return new LedgerRefusal(reason, LocalizedText.of(kk, ru, en).format(values), values);
    }
}
