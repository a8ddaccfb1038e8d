package kz.qyzmet.audit.internal;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of the journal: insert and read, nothing else exists. */
public interface AuditMapper {

    @Insert("INSERT INTO audit_event (recorded_at, event_type, subject, actor, actor_role, address, user_agent,"
            + " correlation_id, details) VALUES (#{recordedAt}, #{eventType}, #{subject}, #{actor}, #{actorRole},"
            + " #{address}, #{userAgent}, #{correlationId}, #{details})")
    @Options(useGeneratedKeys = true, keyProperty = "sequence", keyColumn = "sequence")
    void insert(AuditRow row);

    @Select("SELECT sequence, recorded_at, event_type, subject, actor, actor_role, address, user_agent,"
            + " correlation_id, details FROM audit_event WHERE subject = #{subject} ORDER BY sequence DESC LIMIT #{limit}")
    List<AuditRow> findBySubject(@Param("subject") String subject, @Param("limit") int limit);
}
