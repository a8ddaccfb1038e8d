package kz.qyzmet.trading.api;

import kz.qyzmet.common.api.LocalizedText;

/**
 * What happened to an order, as an {@link OrderListener} hears it.
 *
 * @param kind      what happened
 * @param order     the order after it
 * @param reference the reference of the request it answers (the instruction that placed, cancelled or replaced it)
 * @param deal      the fill, for {@link Kind#FILLED}
 * @param reason    the exchange's reason for a rejection, a refused cancel or replace, an expiry
 */
public record OrderEvent(Kind kind, Order order, String reference, Deal deal, LocalizedText reason) {

    public enum Kind {
        /** The exchange took the order into its book. */
        ACCEPTED,
        /** The exchange refused the order. */
        REJECTED,
        /** A fill, settled. */
        FILLED,
        /** Cancelled (by the client, or the unfilled rest of an IOC or market order). */
        CANCELLED,
        /** The exchange replaced it as asked. */
        REPLACED,
        /** The exchange refused to cancel or replace it (too late: filled), the order as it was. */
        CHANGE_REFUSED,
        /** A day order left at the close. */
        EXPIRED
    }
}
