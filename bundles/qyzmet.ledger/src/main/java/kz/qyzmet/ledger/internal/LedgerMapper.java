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
    int insertAccount(AccountRow account);

    /** Closes the account once; 0 when it was closed already. */
    @org.apache.ibatis.annotations.Update("UPDATE ledger_account SET closed_at = #{at} WHERE id = #{id} AND closed_at IS NULL")
    int closeAccount(@Param("id") String id, @Param("at") LocalDateTime at);

    @Select("SELECT closed_at FROM ledger_account WHERE id = #{id}")
    LocalDateTime closedAt(@Param("id") String id);

    /**
     * The closed ones among these accounts, read under a shared lock: a closing
     * (which updates the row) and a posting to the account never overlap.
     */
    @Select("<script>SELECT id FROM ledger_account WHERE closed_at IS NOT NULL AND id IN <foreach collection='ids' item='id'"
            + " open='(' separator=',' close=')'>#{id}</foreach> LOCK IN SHARE MODE</script>")
    List<String> closedAmong(@Param("ids") java.util.Collection<String> ids);

    /** Every balance row of the account, locked with the gaps between them (no new row while it is being closed). */
    @Select("SELECT account_id, asset, sub_account, amount FROM ledger_balance WHERE account_id = #{id} FOR UPDATE")
    List<BalanceRow> lockAccountBalances(@Param("id") String id);

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

    /** Several entries in one statement; their ids are read back by key (see entriesByKeys). */
    @Insert("<script>INSERT INTO ledger_entry (idempotency_key, kind, description, reference, reverses, posted_at, actor) VALUES"
            + "<foreach collection='entries' item='e' separator=','>(#{e.idempotencyKey}, #{e.kind}, #{e.description},"
            + " #{e.reference}, #{e.reverses}, #{e.postedAt}, #{e.actor})</foreach></script>")
    void insertEntries(@Param("entries") List<EntryRow> entries);

    @Insert("<script>INSERT INTO ledger_posting (entry_id, account_id, sub_account, asset, amount, posted_at) VALUES"
            + "<foreach collection='postings' item='p' separator=','>(#{p.entryId}, #{p.accountId}, #{p.subAccount},"
            + " #{p.asset}, #{p.amount}, #{p.postedAt})</foreach></script>")
    void insertPostings(@Param("postings") List<PostingRow> postings);

    @Select("<script>SELECT id, idempotency_key, kind, description, reference, reverses, posted_at, actor FROM ledger_entry"
            + " WHERE idempotency_key IN <foreach collection='keys' item='k' open='(' separator=',' close=')'>#{k}</foreach></script>")
    List<EntryRow> entriesByKeys(@Param("keys") java.util.Collection<String> keys);

    /**
     * Locks the balance rows of one entry or batch with one statement. The rows are
     * read in primary-key order, so every transaction takes its locks in the same order.
     */
    @Select("<script>SELECT account_id, asset, sub_account, amount FROM ledger_balance WHERE "
            + "<foreach collection='keys' item='k' separator=' OR '>(account_id = #{k.accountId} AND asset = #{k.asset}"
            + " AND sub_account = #{k.subAccount})</foreach> ORDER BY account_id, asset, sub_account FOR UPDATE</script>")
    List<BalanceRow> lockBalances(@Param("keys") java.util.Collection<BalanceRow> keys);

    @Insert("<script>INSERT IGNORE INTO ledger_balance (account_id, asset, sub_account, amount) VALUES"
            + "<foreach collection='keys' item='k' separator=','>(#{k.accountId}, #{k.asset}, #{k.subAccount}, 0)</foreach></script>")
    void ensureBalances(@Param("keys") java.util.Collection<BalanceRow> keys);

    /** Writes the new amounts of locked (hence existing) balance rows in one statement. */
    @Insert("<script>INSERT INTO ledger_balance (account_id, asset, sub_account, amount) VALUES"
            + "<foreach collection='balances' item='b' separator=','>(#{b.accountId}, #{b.asset}, #{b.subAccount}, #{b.amount})</foreach>"
            + " ON DUPLICATE KEY UPDATE amount = VALUES(amount)</script>")
    void writeBalances(@Param("balances") java.util.Collection<BalanceRow> balances);

    @Select("SELECT account_id, asset, sub_account, amount FROM ledger_balance WHERE account_id = #{account}"
            + " ORDER BY asset, sub_account")
    List<BalanceRow> balances(@Param("account") String account);

    @Select("SELECT account_id, asset, sub_account, SUM(amount) AS amount FROM ledger_posting"
            + " WHERE account_id = #{account} AND posted_at <= #{asOf} GROUP BY account_id, asset, sub_account ORDER BY asset, sub_account")
    List<BalanceRow> balancesAsOf(@Param("account") String account, @Param("asOf") LocalDateTime asOf);

    /** {@code asset} null: every asset. */
    @Select("<script>SELECT p.entry_id, p.id AS posting_id, p.posted_at, e.kind, e.description, e.reference, e.reverses,"
            + " p.sub_account, p.asset, p.amount FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id"
            + " WHERE p.account_id = #{account} AND p.posted_at &gt;= #{from} AND p.posted_at &lt; #{to}"
            + "<if test='asset != null'> AND p.asset = #{asset}</if> ORDER BY p.posted_at, p.id</script>")
    @Options(resultSetType = ResultSetType.FORWARD_ONLY, fetchSize = 1000)
    @ResultType(OperationRow.class)
    void operations(@Param("account") String account, @Param("asset") String asset, @Param("from") LocalDateTime from,
            @Param("to") LocalDateTime to, ResultHandler<OperationRow> sink);

    @Select("SELECT id FROM ledger_entry ORDER BY id")
    @Options(resultSetType = ResultSetType.FORWARD_ONLY, fetchSize = 1000)
    @ResultType(Long.class)
    void entryIds(ResultHandler<Long> sink);
}
