package kz.qyzmet.ledger.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Postings waiting for a second operator. */
public interface ApprovalMapper {
    String COLUMNS = "id, kind, idempotency_key, account_id, counterpart_id, asset, amount, reference, description, maker,"
            + " requested_at, status, checker, decided_at, entry_id, reason";

    @Insert("INSERT INTO ledger_approval (kind, idempotency_key, account_id, counterpart_id, asset, amount, reference,"
            + " description, maker, requested_at, status) VALUES (#{kind}, #{idempotencyKey}, #{accountId}, #{counterpartId},"
            + " #{asset}, #{amount}, #{reference}, #{description}, #{maker}, #{requestedAt}, 'PENDING')")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(ApprovalRow row);

    @Select("SELECT " + COLUMNS + " FROM ledger_approval WHERE id = #{id} FOR UPDATE")
    ApprovalRow lock(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM ledger_approval WHERE id = #{id}")
    ApprovalRow find(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM ledger_approval WHERE idempotency_key = #{key}")
    ApprovalRow byKey(@Param("key") String key);

    @Select("SELECT " + COLUMNS + " FROM ledger_approval WHERE status = #{status} ORDER BY id LIMIT #{limit}")
    List<ApprovalRow> withStatus(@Param("status") String status, @Param("limit") int limit);

    @Update("UPDATE ledger_approval SET status = #{status}, checker = #{checker}, decided_at = #{at}, entry_id = #{entryId},"
            + " reason = #{reason} WHERE id = #{id} AND status = 'PENDING'")
    int decide(@Param("id") long id, @Param("status") String status, @Param("checker") String checker,
            @Param("at") LocalDateTime at, @Param("entryId") Long entryId, @Param("reason") String reason);

    /** One row of {@code ledger_approval}. */
    class ApprovalRow {
        public Long id;
        public String kind;
        public String idempotencyKey;
        public String accountId;
        public String counterpartId;
        public String asset;
        public java.math.BigDecimal amount;
        public String reference;
        public String description;
        public String maker;
        public LocalDateTime requestedAt;
        public String status;
        public String checker;
        public LocalDateTime decidedAt;
        public Long entryId;
        public String reason;
    }
}
