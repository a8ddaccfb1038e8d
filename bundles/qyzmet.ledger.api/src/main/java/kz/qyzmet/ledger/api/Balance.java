package kz.qyzmet.ledger.api;

import java.math.BigDecimal;

/** One asset on one account: balance = available + held + blocked. */
public record Balance(String account, String asset, BigDecimal available, BigDecimal held, BigDecimal blocked) {

    public BigDecimal total() {
        return available.add(held).add(blocked);
    }
}
