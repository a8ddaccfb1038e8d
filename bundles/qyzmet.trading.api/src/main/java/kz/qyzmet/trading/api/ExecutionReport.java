package kz.qyzmet.trading.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An exchange's answer (FIX 4.4 ExecutionReport 35=8, or OrderCancelReject 35=9
 * as {@link Type#CANCEL_REJECTED} / {@link Type#REPLACE_REJECTED}).
 *
 * @param executionId           unique per report (ExecID): a report delivered twice is applied once
 * @param clientOrderId         the request it answers (ClOrdID)
 * @param originalClientOrderId the order's previous request for a cancel or replace (OrigClOrdID), else null
 * @param exchangeOrderId       the exchange's order id (OrderID)
 * @param type                  what happened (ExecType)
 * @param lastQuantity          units of this fill (LastQty), 0 unless a fill
 * @param lastPrice             price of this fill (LastPx), null unless a fill
 * @param cumulativeQuantity    units filled in all (CumQty)
 * @param leavesQuantity        units still open (LeavesQty)
 * @param text                  the exchange's reason (Text) for a rejection, cancel or expiry, else null
 * @param transactTime          when the exchange did it
 */
public record ExecutionReport(String executionId, String clientOrderId, String originalClientOrderId,
        String exchangeOrderId, Type type, long lastQuantity, BigDecimal lastPrice, long cumulativeQuantity,
        long leavesQuantity, String text, Instant transactTime) {

    public ExecutionReport {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transactTime, "transactTime");
    }

    public enum Type {
        NEW, TRADE, CANCELED, REPLACED, REJECTED, EXPIRED, CANCEL_REJECTED, REPLACE_REJECTED
    }
}
