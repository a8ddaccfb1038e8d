package kz.qyzmet.ledger.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultType;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.mapping.ResultSetType;
import org.apache.ibatis.session.ResultHandler;

import kz.qyzmet.ledger.internal.Rows.AccountRow;
import kz.qyzmet.ledger.internal.Rows.AssetRow;
import kz.qyzmet.ledger.internal.Rows.BalanceRow;
import kz.qyzmet.ledger.internal.Rows.EntryRow;
import kz.qyzmet.ledger.internal.Rows.OperationRow;
import kz.qyzmet.ledger.internal.Rows.PostingRow;

public interface LedgerMapper {

    @Insert("INSERT IGNORE INTO ledger_asset (code, kind, scale, name) VALUES (#{code}, #{kind}, #{scale}, #{name})")
    void insertAsset(AssetRow asset);

    @Select("SELECT code, kind, scale, name FROM ledger_asset WHERE code = #{code}")
    AssetRow asset(@Param("code") String code);

    @Insert("INSERT IGNORE INTO ledger_account (id, type, owner, name, opened_at) VALUES (#{id}, #{type}, #{owner}, #{name}, #{openedAt})")
    void insertAccount(AccountRow account);

    @Select("SELECT id, type, owner, name, opened_at FROM ledger_account WHERE id = #{id}")
    AccountRow account(@Param("id") String id);

    @Select("SELECT id, idempotency_key, kind, description, reference, reverses, posted_at, actor FROM ledger_entry"
            + " WHERE idempotency_key = #{key}")
    EntryRow entryByKey(@Param("key") String key);

    @Select("SELECT id, idempotency_key, kind, description, reference, reverses, posted_at, actor FROM ledger_entry WHERE id = #{id}")
    EntryRow entry(@Param("id") long id);

    @Select("SELECT id FROM ledger_entry WHERE reverses = #{id}")
    Long reversalOf(@Param("id") long id);

    @Select("SELECT id, entry_id, account_id, sub_account, asset, amount, posted_at FROM ledger_posting WHERE entry_id = #{id} ORDER BY id")
    List<PostingRow> postings(@Param("id") long entryId);

    @Insert("INSERT INTO ledger_entry (idempotency_key, kind, description, reference, reverses, posted_at, actor)"
            + " VALUES (#{idempotencyKey}, #{kind}, #{description}, #{reference}, #{reverses}, #{postedAt}, #{actor})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertEntry(EntryRow entry);

    @Insert("INSERT INTO ledger_posting (entry_id, account_id, sub_account, asset, amount, posted_at)"
            + " VALUES (#{entryId}, #{accountId}, #{subAccount}, #{asset}, #{amount}, #{postedAt})")
    void insertPosting(PostingRow posting);

    @Insert("INSERT IGNORE INTO ledger_balance (account_id, asset, sub_account, amount) VALUES (#{account}, #{asset}, #{sub}, 0)")
    void ensureBalance(@Param("account") String account, @Param("asset") String asset, @Param("sub") String sub);

    /** Locks the balance row: concurrent entries on the same account and asset wait here, one after another. */
    @Select("SELECT account_id, asset, sub_account, amount FROM ledger_balance"
            + " WHERE account_id = #{account} AND asset = #{asset} AND sub_account = #{sub} FOR UPDATE")
    BalanceRow lockBalance(@Param("account") String account, @Param("asset") String asset, @Param("sub") String sub);

    @Update("UPDATE ledger_balance SET amount = #{amount} WHERE account_id = #{accountId} AND asset = #{asset}"
            + " AND sub_account = #{subAccount}")
    void updateBalance(BalanceRow balance);

    @Select("SELECT account_id, asset, sub_account, amount FROM ledger_balance WHERE account_id = #{account}"
            + " ORDER BY asset, sub_account")
    List<BalanceRow> balances(@Param("account") String account);

    @Select("SELECT account_id, asset, sub_account, SUM(amount) AS amount FROM ledger_posting"
            + " WHERE account_id = #{account} AND posted_at <= #{asOf} GROUP BY account_id, asset, sub_account ORDER BY asset, sub_account")
    List<BalanceRow> balancesAsOf(@Param("account") String account, @Param("asOf") LocalDateTime asOf);

    @Select("SELECT p.entry_id, p.id AS posting_id, p.posted_at, e.kind, e.description, e.reference, e.reverses,"
            + " p.sub_account, p.asset, p.amount FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id"
            + " WHERE p.account_id = #{account} AND p.posted_at >= #{from} AND p.posted_at < #{to} ORDER BY p.posted_at, p.id")
    @Options(resultSetType = ResultSetType.FORWARD_ONLY, fetchSize = 1000)
    @ResultType(OperationRow.class)
    void operations(@Param("account") String account, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
            ResultHandler<OperationRow> sink);
}
