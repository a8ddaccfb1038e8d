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


    @SelectProvider(type = AuditSearch.class, method = "sql")
    List<AuditRow> search(@Param("query") AuditQuery query, @Param("from") java.time.LocalDateTime from,
            @Param("to") java.time.LocalDateTime to);
}
