package kz.qyzmet.trading.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** The trading core's rows as MyBatis maps them (snake_case columns to these fields). */
final class Rows {
    private Rows() {
    }

    static class InstrumentRow {
        public String isin;
        public int version;
        public String ticker;
        public String market;
        public String name;
        public String currency;
        public int lotSize;
        public BigDecimal tickSize;
        public LocalTime opens;
        public LocalTime closes;
        public LocalDateTime loadedAt;
        public String loadedBy;
    }

    static class OrderRow {
        public String id;
        public String clientId;
        public String accountId;
        public String isin;
        public int instrumentVersion;
        public String currency;
        public String side;
        public String orderType;
        public String timeInForce;
        public long quantity;
        public BigDecimal limitPrice;
        public BigDecimal stopPrice;
        public BigDecimal holdPrice;
        public String state;
        public long filled;
        public BigDecimal filledAmount;
        public BigDecimal fees;
        public String holdAsset;
        public String currentRequest;
        public String pendingRequest;
        public String exchangeOrderId;
        public String gateway;
        public String reference;
        public String reasonText;
        public LocalDateTime placedAt;
        public String placedBy;
        public LocalDateTime updatedAt;
    }

    static class RequestRow {
        public String clientOrderId;
        public String orderId;
        public String kind;
        public String reference;
        public long quantity;
        public BigDecimal limitPrice;
        public BigDecimal stopPrice;
        public BigDecimal holdPrice;
        public String topUpHold;
        public String state;
        public LocalDateTime createdAt;
        public LocalDateTime sentAt;
        public LocalDateTime answeredAt;
    }

    static class HoldRow {
        public String holdReference;
        public String orderId;
        public int sequenceNo;
        public BigDecimal amount;
    }

    static class DealRow {
        public String id;
        public String orderId;
        public String executionId;
        public String clientId;
        public String accountId;
        public String isin;
        public String side;
        public long quantity;
        public BigDecimal price;
        public BigDecimal amount;
        public BigDecimal fee;
        public String currency;
        public LocalDateTime executedAt;
        public LocalDate tradeDate;
        public LocalDate settlementDate;
        public long entryId;
    }
}
