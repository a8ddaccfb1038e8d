package kz.qyzmet.service.ipo.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Offerings and subscriptions (see {@code V1__ipo.sql}). */
interface IpoMapper {

    @Insert("INSERT INTO ipo_offering (id, isin, issuer, offer_price, currency, lot_size, min_lots, max_lots, offered_lots,"
            + " opens_at, closes_at, rule, state, created_at, created_by) VALUES (#{id}, #{isin}, #{issuer}, #{offerPrice},"
            + " #{currency}, #{lotSize}, #{minLots}, #{maxLots}, #{offeredLots}, #{opensAt}, #{closesAt}, #{rule}, 'OPEN',"
            + " #{createdAt}, #{createdBy})")
    void insertOffering(OfferingRow row);

    @Select("SELECT * FROM ipo_offering WHERE id = #{id}")
    OfferingRow offering(@Param("id") String id);

    @Select("SELECT * FROM ipo_offering WHERE id = #{id} FOR UPDATE")
    OfferingRow lockOffering(@Param("id") String id);

    @Select("SELECT * FROM ipo_offering ORDER BY opens_at DESC LIMIT #{limit}")
    List<OfferingRow> offerings(@Param("limit") int limit);

    @Update("UPDATE ipo_offering SET state = 'ALLOCATED', allocated_at = #{at}, allocated_by = #{by} WHERE id = #{id}"
            + " AND state = 'OPEN'")
    int allocated(@Param("id") String id, @Param("at") LocalDateTime at, @Param("by") String by);

    @Insert("INSERT INTO ipo_subscription (instruction_id, offering_id, client_id, account_id, lots, amount, hold_reference,"
            + " state, created_at, updated_at) VALUES (#{instructionId}, #{offeringId}, #{clientId}, #{accountId}, #{lots},"
            + " #{amount}, #{holdReference}, 'SUBSCRIBED', #{createdAt}, #{createdAt})")
    void insertSubscription(SubscriptionRow row);

    @Select("SELECT * FROM ipo_subscription WHERE instruction_id = #{id} FOR UPDATE")
    SubscriptionRow lockSubscription(@Param("id") String instructionId);

    @Select("SELECT * FROM ipo_subscription WHERE offering_id = #{offering} AND state = 'SUBSCRIBED'"
            + " ORDER BY created_at, instruction_id FOR UPDATE")
    List<SubscriptionRow> lockSubscribed(@Param("offering") String offeringId);

    @Select("SELECT * FROM ipo_subscription WHERE offering_id = #{offering} ORDER BY created_at, instruction_id")
    List<SubscriptionRow> subscriptions(@Param("offering") String offeringId);

    @Update("UPDATE ipo_subscription SET state = 'CANCELLED', updated_at = #{at} WHERE instruction_id = #{id}"
            + " AND state = 'SUBSCRIBED'")
    int cancelled(@Param("id") String instructionId, @Param("at") LocalDateTime at);

    @Update("UPDATE ipo_subscription SET state = 'ALLOCATED', allocated_lots = #{lots}, allocated_amount = #{amount},"
            + " entry_id = #{entry}, document_id = #{document}, updated_at = #{at} WHERE instruction_id = #{id}"
            + " AND state = 'SUBSCRIBED'")
    int allotted(@Param("id") String instructionId, @Param("lots") long lots, @Param("amount") BigDecimal amount,
            @Param("entry") Long entry, @Param("document") String document, @Param("at") LocalDateTime at);

    class OfferingRow {
        public String id;
        public String isin;
        public String issuer;
        public BigDecimal offerPrice;
        public String currency;
        public int lotSize;
        public long minLots;
        public long maxLots;
        public long offeredLots;
        public LocalDateTime opensAt;
        public LocalDateTime closesAt;
        public String rule;
        public String state;
        public LocalDateTime createdAt;
        public String createdBy;
        public LocalDateTime allocatedAt;
        public String allocatedBy;
    }

    class SubscriptionRow {
        public String instructionId;
        public String offeringId;
        public String clientId;
        public String accountId;
        public long lots;
        public BigDecimal amount;
        public String holdReference;
        public String state;
        public Long allocatedLots;
        public BigDecimal allocatedAmount;
        public Long entryId;
        public String documentId;
        public LocalDateTime createdAt;
        public LocalDateTime updatedAt;
    }
}
