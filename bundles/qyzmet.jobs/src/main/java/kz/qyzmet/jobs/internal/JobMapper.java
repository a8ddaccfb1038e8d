package kz.qyzmet.jobs.internal;

import java.time.LocalDateTime;
import java.util.Collection;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Jobs: queued, claimed by one node at a time (SKIP LOCKED), progress, outcome. */
interface JobMapper {
    String COLUMNS = "id, kind, subject, parameters, status, percent, count, result, error, claimed_by, attempts, heartbeat_at,"
            + " created_at, finished_at";

    @Insert("INSERT IGNORE INTO jobs_job (id, kind, subject, parameters, status, created_at)"
            + " VALUES (#{id}, #{kind}, #{subject}, #{parameters}, 'QUEUED', #{createdAt})")
    int insert(JobRow row);

    @Select("SELECT " + COLUMNS + " FROM jobs_job WHERE kind = #{kind} AND subject = #{subject}")
    JobRow find(@Param("kind") String kind, @Param("subject") String subject);

    /** The oldest job of these kinds nobody works on (or whose node went silent), locked for this transaction only. */
    @Select("<script>SELECT " + COLUMNS + " FROM jobs_job WHERE kind IN"
            + " <foreach item='k' collection='kinds' open='(' separator=',' close=')'>#{k}</foreach>"
            + " AND ((status = 'QUEUED' AND (not_before IS NULL OR not_before &lt;= #{now}))"
            + " OR (status = 'RUNNING' AND heartbeat_at &lt; #{silentSince}))"
            + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED</script>")
    JobRow nextClaimable(@Param("kinds") Collection<String> kinds, @Param("silentSince") LocalDateTime silentSince,
            @Param("now") LocalDateTime now);

    @Update("UPDATE jobs_job SET status = 'RUNNING', claimed_by = #{node}, attempts = attempts + 1, heartbeat_at = #{at},"
            + " percent = 0, count = 0 WHERE id = #{id}")
    void claim(@Param("id") String id, @Param("node") String node, @Param("at") LocalDateTime at);

    @Update("UPDATE jobs_job SET status = 'QUEUED', claimed_by = NULL, heartbeat_at = NULL"
            + " WHERE id = #{id} AND claimed_by = #{node} AND status = 'RUNNING'")
    int release(@Param("id") String id, @Param("node") String node);

    @Update("UPDATE jobs_job SET status = 'QUEUED', claimed_by = NULL, heartbeat_at = NULL, not_before = #{notBefore}"
            + " WHERE id = #{id} AND claimed_by = #{node} AND status = 'RUNNING'")
    int releaseUntil(@Param("id") String id, @Param("node") String node, @Param("notBefore") LocalDateTime notBefore);

    @Update("UPDATE jobs_job SET percent = #{percent}, count = #{count}, heartbeat_at = #{at}"
            + " WHERE id = #{id} AND claimed_by = #{node} AND status = 'RUNNING'")
    int progress(@Param("id") String id, @Param("node") String node, @Param("percent") int percent,
            @Param("count") long count, @Param("at") LocalDateTime at);

    @Update("UPDATE jobs_job SET heartbeat_at = #{at} WHERE id = #{id} AND claimed_by = #{node} AND status = 'RUNNING'")
    int heartbeat(@Param("id") String id, @Param("node") String node, @Param("at") LocalDateTime at);

    @Update("UPDATE jobs_job SET status = 'DONE', percent = 100, result = #{result}, finished_at = #{at}"
            + " WHERE id = #{id} AND claimed_by = #{node} AND status = 'RUNNING'")
    int done(@Param("id") String id, @Param("node") String node, @Param("result") String result,
            @Param("at") LocalDateTime at);

    @Update("UPDATE jobs_job SET status = 'FAILED', error = #{error}, finished_at = #{at}"
            + " WHERE id = #{id} AND claimed_by = #{node} AND status = 'RUNNING'")
    int failed(@Param("id") String id, @Param("node") String node, @Param("error") String error,
            @Param("at") LocalDateTime at);
}
