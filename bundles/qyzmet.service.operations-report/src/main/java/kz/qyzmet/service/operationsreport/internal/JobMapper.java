package kz.qyzmet.service.operationsreport.internal;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Report jobs: queued, claimed by one node at a time (SKIP LOCKED), progress, result. */
public interface JobMapper {
    String COLUMNS = "id, instruction_id, client_id, account, period_from, period_to, format, language, status, operations,"
            + " progress, claimed_by, attempts, heartbeat_at, document_id, error, created_at, finished_at";

    @Insert("INSERT INTO opr_job (id, instruction_id, client_id, account, period_from, period_to, format, language, status,"
            + " created_at) VALUES (#{id}, #{instructionId}, #{clientId}, #{account}, #{periodFrom}, #{periodTo}, #{format},"
            + " #{language}, 'QUEUED', #{createdAt})")
    void insert(JobRow row);

    /** The oldest job nobody works on (or whose worker went silent), locked for this transaction only. */
    @Select("SELECT " + COLUMNS + " FROM opr_job WHERE status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < #{silentSince})"
            + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED")
    JobRow nextClaimable(@Param("silentSince") LocalDateTime silentSince);

    @Update("UPDATE opr_job SET status = 'RUNNING', claimed_by = #{node}, attempts = attempts + 1, heartbeat_at = #{at},"
            + " operations = 0, progress = 0 WHERE id = #{id}")
    void claim(@Param("id") String id, @Param("node") String node, @Param("at") LocalDateTime at);

    @Update("UPDATE opr_job SET status = 'QUEUED', claimed_by = NULL, heartbeat_at = NULL"
            + " WHERE id = #{id} AND claimed_by = #{node} AND status = 'RUNNING'")
    int release(@Param("id") String id, @Param("node") String node);

    @Update("UPDATE opr_job SET operations = #{operations}, progress = #{progress}, heartbeat_at = #{at}"
            + " WHERE id = #{id} AND claimed_by = #{node} AND status = 'RUNNING'")
    int progress(@Param("id") String id, @Param("node") String node, @Param("operations") long operations,
            @Param("progress") int progress, @Param("at") LocalDateTime at);

    @Update("UPDATE opr_job SET status = 'DONE', progress = 100, operations = #{operations}, document_id = #{documentId},"
            + " finished_at = #{at} WHERE id = #{id} AND claimed_by = #{node} AND status = 'RUNNING'")
    int done(@Param("id") String id, @Param("node") String node, @Param("operations") long operations,
            @Param("documentId") String documentId, @Param("at") LocalDateTime at);

    @Update("UPDATE opr_job SET status = 'FAILED', error = #{error}, finished_at = #{at}"
            + " WHERE id = #{id} AND claimed_by = #{node} AND status = 'RUNNING'")
    int failed(@Param("id") String id, @Param("node") String node, @Param("error") String error,
            @Param("at") LocalDateTime at);

    @Select("SELECT " + COLUMNS + " FROM opr_job WHERE instruction_id = #{instructionId}")
    JobRow ofInstruction(@Param("instructionId") String instructionId);
}
