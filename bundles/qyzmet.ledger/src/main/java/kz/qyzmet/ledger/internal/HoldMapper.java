package kz.qyzmet.ledger.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The lifecycle rows of holds; the money moves by ledger entries (see {@link HoldService}). */
public interface HoldMapper {

    String COLUMNS = "reference, account_id, asset, amount, description, state, placed_entry, placed_at, placed_by,"
            + " closing_entry, closed_at, closed_by";

    @Insert("INSERT INTO ledger_hold (reference, account_id, asset, amount, description, state, placed_entry, placed_at,"
            + " placed_by) VALUES (#{reference}, #{accountId}, #{asset}, #{amount}, #{description}, 'PLACED', #{placedEntry},"
            + " #{placedAt}, #{placedBy})")
    void insert(HoldRow hold);

    @Select("SELECT " + COLUMNS + " FROM ledger_hold WHERE reference = #{reference}")
    HoldRow find(@Param("reference") String reference);

    /** The hold, locked until the transaction ends: a settlement and a release of one hold never overlap. */
    @Select("SELECT " + COLUMNS + " FROM ledger_hold WHERE reference = #{reference} FOR UPDATE")
    HoldRow lock(@Param("reference") String reference);

    @Update("UPDATE ledger_hold SET state = #{state}, closing_entry = #{entry}, closed_at = #{at}, closed_by = #{by}"
            + " WHERE reference = #{reference} AND state = 'PLACED'")
    int close(@Param("reference") String reference, @Param("state") String state, @Param("entry") long entry,
            @Param("at") LocalDateTime at, @Param("by") String by);

    @Select("<script>SELECT " + COLUMNS + " FROM ledger_hold WHERE account_id = #{account}"
            + "<if test='state != null'> AND state = #{state}</if> ORDER BY placed_at DESC, reference LIMIT #{limit}</script>")
    List<HoldRow> ofAccount(@Param("account") String account, @Param("state") String state, @Param("limit") int limit);

    @Insert("INSERT INTO ledger_hold_draw (draw_key, reference, amount, entry_id, drawn_at, drawn_by) VALUES (#{key},"
            + " #{reference}, #{amount}, #{entry}, #{at}, #{by})")
    void insertDraw(@Param("key") String key, @Param("reference") String reference, @Param("amount") java.math.BigDecimal amount,
            @Param("entry") long entry, @Param("at") LocalDateTime at, @Param("by") String by);

    /** The entry of an earlier draw with that key, null when there is none. */
    @Select("SELECT entry_id FROM ledger_hold_draw WHERE draw_key = #{key}")
    Long drawEntry(@Param("key") String key);

    @Select("SELECT COALESCE(SUM(amount), 0) FROM ledger_hold_draw WHERE reference = #{reference}")
    java.math.BigDecimal drawn(@Param("reference") String reference);

    @Select("SELECT MAX(entry_id) FROM ledger_hold_draw WHERE reference = #{reference}")
    Long lastDrawEntry(@Param("reference") String reference);

    class HoldRow {
        public String reference;
        public String accountId;
        public String asset;
        public java.math.BigDecimal amount;
        public String description;
        public String state;
        public Long placedEntry;
        public LocalDateTime placedAt;
        public String placedBy;
        public Long closingEntry;
        public LocalDateTime closedAt;
        public String closedBy;
    }
}
