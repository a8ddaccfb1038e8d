package kz.qyzmet.ledger.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A request to set an amount aside.
 *
 * @param reference   unique, at most 80 characters; asking again with the same content returns the same hold
 * @param account     the account to hold on
 * @param asset       the currency or security
 * @param amount      positive, within the asset's scale
 * @param description what the hold is for, as statements show it
 * @param actor       who asked (for the entry and the audit journal)
 * @since 1.5
 */
public record HoldRequest(String reference, String account, String asset, BigDecimal amount, String description,
        String actor) {
    public HoldRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(amount, "amount");
    }
}
