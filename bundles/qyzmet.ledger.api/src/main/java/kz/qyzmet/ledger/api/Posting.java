package kz.qyzmet.ledger.api;

import java.math.BigDecimal;

/** One leg of an entry: a signed amount of an asset on a sub-account. Credits are positive. */
public record Posting(String account, SubAccount subAccount, String asset, BigDecimal amount) {

    public static Posting of(String account, String asset, BigDecimal amount) {
        return new Posting(account, SubAccount.AVAILABLE, asset, amount);
    }
}
