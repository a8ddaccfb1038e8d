package kz.qyzmet.audit.internal;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.SelectProvider;
import org.apache.ibatis.annotations.Update;

import kz.qyzmet.audit.api.AuditQuery;

/** SQL of the journal: append, read, search. Nothing changes or removes a record. */
public interface AuditMapper {
    String COLUMNS = "sequence, recorded_at, event_type, subject, actor, actor_role, address, user_agent, correlation_id,"
            + " details, previous_hash, record_hash";

    @Select("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
    ChainHead lockHead();

    @Select("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1")
    ChainHead head();

    @Update("UPDATE audit_chain_head SET last_sequence = #{sequence}, last_hash = #{hash} WHERE id = 1")
    void advanceHead(@Param("sequence") long sequence, @Param("hash") String hash);

    @Insert("INSERT INTO audit_event (" + COLUMNS + ") VALUES (#{sequence}, #{recordedAt}, #{eventType}, #{subject},"
            + " #{actor}, #{actorRole}, #{address}, #{userAgent}, #{correlationId}, #{details}, #{previousHash}, #{recordHash})")
    void insert(AuditRow row);

    @Select("SELECT " + COLUMNS + " FROM audit_event WHERE subject = #{subject} ORDER BY sequence DESC LIMIT #{limit}")
    List<AuditRow> findBySubject(@Param("subject") String subject, @Param("limit") int limit);

    /** A page of the chain in order, for verification and copying. */
    @Select("SELECT " + COLUMNS + " FROM audit_event WHERE sequence > #{after} ORDER BY sequence LIMIT #{limit}")
    List<AuditRow> page(@Param("after") long after, @Param("limit") int limit);

    /** A page of the chain up to its head: records beyond the head were never chained. */
    @Select("SELECT " + COLUMNS + " FROM audit_event WHERE sequence > #{after} AND sequence <= #{upTo} ORDER BY sequence"
            + " LIMIT #{limit}")
    List<AuditRow> chainedPage(@Param("after") long after, @Param("upTo") long upTo, @Param("limit") int limit);


    // records waiting to be chained (written in the transaction of their change)

    @Insert("INSERT INTO audit_pending (occurred_at, event_type, subject, actor, actor_role, address, user_agent,"
            + " correlation_id, details) VALUES (#{recordedAt}, #{eventType}, #{subject}, #{actor}, #{actorRole}, #{address},"
            + " #{userAgent}, #{correlationId}, #{details})")
    void insertPending(AuditRow row);

    @Select("SELECT id AS sequence, occurred_at AS recorded_at, event_type, subject, actor, actor_role, address, user_agent,"
            + " correlation_id, details FROM audit_pending ORDER BY id LIMIT #{limit}")
    List<AuditRow> pending(@Param("limit") int limit);

    /** By id, never by range: a record of a transaction still open may sit below the highest id chained. */
    @org.apache.ibatis.annotations.Delete("<script>DELETE FROM audit_pending WHERE id IN"
            + " <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
    int forgetPending(@Param("ids") java.util.Collection<Long> ids);

    @Select("SELECT COUNT(*) FROM audit_pending")
    long countPending();

    /** How many records each (subject, type) of these subjects has, for the completeness check. */
    @Select("<script>SELECT subject, event_type AS type, COUNT(*) AS records FROM audit_event WHERE subject IN"
            + " <foreach item='subject' collection='subjects' open='(' separator=',' close=')'>#{subject}</foreach>"
            + " GROUP BY subject, event_type</script>")
    List<RecordCount> countBySubject(@Param("subjects") java.util.Collection<String> subjects);

    record RecordCount(String subject, String type, long records) {
    }

    @SelectProvider(type = AuditSearch.class, method = "sql")
    List<AuditRow> search(@Param("query") AuditQuery query, @Param("from") java.time.LocalDateTime from,
            @Param("to") java.time.LocalDateTime to);
}
