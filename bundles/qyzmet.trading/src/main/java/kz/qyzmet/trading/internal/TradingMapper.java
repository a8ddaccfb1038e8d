package kz.qyzmet.trading.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import kz.qyzmet.trading.internal.Rows.DealRow;
import kz.qyzmet.trading.internal.Rows.HoldRow;
import kz.qyzmet.trading.internal.Rows.InstrumentRow;
import kz.qyzmet.trading.internal.Rows.OrderRow;
import kz.qyzmet.trading.internal.Rows.RequestRow;

/** The trading core's statements (see {@code V1__trading.sql}). */
interface TradingMapper {

    // instruments

    @Insert("INSERT INTO trading_instrument (isin, version, ticker, market, name, currency, lot_size, tick_size, opens, closes,"
            + " loaded_at, loaded_by) VALUES (#{isin}, #{version}, #{ticker}, #{market}, #{name}, #{currency}, #{lotSize},"
            + " #{tickSize}, #{opens}, #{closes}, #{loadedAt}, #{loadedBy})")
    void insertInstrument(InstrumentRow row);

    /** Current versions only. */
    @Select("SELECT i.* FROM trading_instrument i WHERE i.version = (SELECT MAX(v.version) FROM trading_instrument v"
            + " WHERE v.isin = i.isin) ORDER BY i.ticker")
    List<InstrumentRow> currentInstruments();

    @Select("SELECT * FROM trading_instrument WHERE isin = #{isin} ORDER BY version DESC LIMIT 1")
    InstrumentRow currentInstrument(@Param("isin") String isin);

    @Select("SELECT isin FROM trading_instrument WHERE UPPER(ticker) = UPPER(#{ticker}) ORDER BY loaded_at DESC LIMIT 1")
    String isinOfTicker(@Param("ticker") String ticker);

    @Select("SELECT * FROM trading_instrument WHERE isin = #{isin} AND version = #{version}")
    InstrumentRow instrumentVersion(@Param("isin") String isin, @Param("version") int version);

    /** Serialises loads of one instrument: the next version number is taken under this lock. */
    @Select("SELECT MAX(version) FROM trading_instrument WHERE isin = #{isin} FOR UPDATE")
    Integer lockLatestVersion(@Param("isin") String isin);

    // orders

    @Insert("INSERT INTO trading_order (id, client_id, account_id, isin, instrument_version, currency, side, order_type,"
            + " time_in_force, quantity, limit_price, stop_price, hold_price, state, filled, filled_amount, fees, hold_asset,"
            + " current_request, pending_request, gateway, reference, placed_at, placed_by, updated_at) VALUES (#{id}, #{clientId},"
            + " #{accountId}, #{isin}, #{instrumentVersion}, #{currency}, #{side}, #{orderType}, #{timeInForce}, #{quantity},"
            + " #{limitPrice}, #{stopPrice}, #{holdPrice}, #{state}, 0, 0, 0, #{holdAsset}, #{currentRequest},"
            + " #{pendingRequest}, #{gateway}, #{reference}, #{placedAt}, #{placedBy}, #{updatedAt})")
    void insertOrder(OrderRow row);

    @Select("SELECT * FROM trading_order WHERE id = #{id}")
    OrderRow order(@Param("id") String id);

    @Select("SELECT * FROM trading_order WHERE id = #{id} FOR UPDATE")
    OrderRow lockOrder(@Param("id") String id);

    @Select("SELECT * FROM trading_order WHERE client_id = #{client} ORDER BY placed_at DESC, id LIMIT #{limit}")
    List<OrderRow> ordersOf(@Param("client") String clientId, @Param("limit") int limit);

    @Update("UPDATE trading_order SET quantity = #{quantity}, limit_price = #{limitPrice}, stop_price = #{stopPrice},"
            + " hold_price = #{holdPrice}, state = #{state}, filled = #{filled}, filled_amount = #{filledAmount},"
            + " fees = #{fees}, current_request = #{currentRequest}, pending_request = #{pendingRequest},"
            + " exchange_order_id = #{exchangeOrderId}, gateway = #{gateway}, reason_text = #{reasonText},"
            + " updated_at = #{updatedAt} WHERE id = #{id}")
    int updateOrder(OrderRow row);

    // holds of an order

    @Insert("INSERT INTO trading_order_hold (hold_reference, order_id, sequence_no, amount) VALUES (#{holdReference},"
            + " #{orderId}, #{sequenceNo}, #{amount})")
    void insertHold(HoldRow row);

    @Select("SELECT * FROM trading_order_hold WHERE order_id = #{order} ORDER BY sequence_no")
    List<HoldRow> holdsOf(@Param("order") String orderId);

    // requests

    @Insert("INSERT INTO trading_request (client_order_id, order_id, kind, reference, quantity, limit_price, stop_price,"
            + " hold_price, top_up_hold, state, created_at) VALUES (#{clientOrderId}, #{orderId}, #{kind}, #{reference},"
            + " #{quantity}, #{limitPrice}, #{stopPrice}, #{holdPrice}, #{topUpHold}, 'PENDING', #{createdAt})")
    void insertRequest(RequestRow row);

    @Select("SELECT * FROM trading_request WHERE client_order_id = #{id}")
    RequestRow request(@Param("id") String clientOrderId);

    @Update("UPDATE trading_request SET state = #{state}, answered_at = #{at} WHERE client_order_id = #{id}"
            + " AND state IN ('PENDING', 'SENT')")
    int answered(@Param("id") String clientOrderId, @Param("state") String state, @Param("at") LocalDateTime at);

    /** Requests not yet answered, oldest first: sent again when a gateway (re)connects. */
    @Select("SELECT * FROM trading_request WHERE state IN ('PENDING', 'SENT') ORDER BY created_at LIMIT #{limit}")
    List<RequestRow> unanswered(@Param("limit") int limit);

    // executions and deals

    @Select("SELECT COUNT(*) FROM trading_execution WHERE execution_id = #{id}")
    int executionSeen(@Param("id") String executionId);

    @Insert("INSERT INTO trading_execution (execution_id, client_order_id, order_id, exec_type, last_quantity, last_price,"
            + " cumulative, leaves, text, transact_time, received_at) VALUES (#{executionId}, #{clientOrderId}, #{orderId},"
            + " #{type}, #{lastQuantity}, #{lastPrice}, #{cumulative}, #{leaves}, #{text}, #{transactTime}, #{receivedAt})")
    void insertExecution(@Param("executionId") String executionId, @Param("clientOrderId") String clientOrderId,
            @Param("orderId") String orderId, @Param("type") String type, @Param("lastQuantity") long lastQuantity,
            @Param("lastPrice") java.math.BigDecimal lastPrice, @Param("cumulative") long cumulative,
            @Param("leaves") long leaves, @Param("text") String text, @Param("transactTime") LocalDateTime transactTime,
            @Param("receivedAt") LocalDateTime receivedAt);

    @Insert("INSERT INTO trading_deal (id, order_id, execution_id, client_id, account_id, isin, side, quantity, price, amount,"
            + " fee, currency, executed_at, trade_date, settlement_date, entry_id) VALUES (#{id}, #{orderId}, #{executionId},"
            + " #{clientId}, #{accountId}, #{isin}, #{side}, #{quantity}, #{price}, #{amount}, #{fee}, #{currency},"
            + " #{executedAt}, #{tradeDate}, #{settlementDate}, #{entryId})")
    void insertDeal(DealRow row);

    @Select("SELECT * FROM trading_deal WHERE client_id = #{client} AND executed_at >= #{from} AND executed_at < #{to}"
            + " ORDER BY executed_at, entry_id")
    List<DealRow> dealsOf(@Param("client") String clientId, @Param("from") LocalDateTime from,
            @Param("to") LocalDateTime to);

    @Select("SELECT * FROM trading_deal WHERE order_id = #{order} ORDER BY executed_at, entry_id")
    List<DealRow> dealsOfOrder(@Param("order") String orderId);
}
