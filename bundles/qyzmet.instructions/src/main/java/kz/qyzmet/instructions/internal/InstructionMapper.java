package kz.qyzmet.instructions.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL of instructions. Status changes name the status they expect, so two nodes
 * (or two operators) racing on one instruction cannot both move it.
 */
public interface InstructionMapper {
    String COLUMNS = "id, number, service_id, kind, client_id, account, content, digest, created_by, prepared_by, created_at,"
            + " cancels, status, challenge_id, confirmed_at, confirmed_session, due_by, taken_by, taken_at, reason_kk, reason_ru,"
            + " reason_en, form_document_id, result_document_ids, updated_at";

    @Insert("INSERT INTO instr_number_series (year, last) VALUES (#{year}, LAST_INSERT_ID(1))"
            + " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)")
    void nextNumber(@Param("year") int year);

    @Select("SELECT LAST_INSERT_ID()")
    long lastNumber();

    @Insert("INSERT INTO instr_instruction (" + COLUMNS + ") VALUES (#{id}, #{number}, #{serviceId}, #{kind}, #{clientId},"
            + " #{account}, #{content}, #{digest}, #{createdBy}, #{preparedBy}, #{createdAt}, #{cancels}, #{status}, NULL, NULL,"
            + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, #{updatedAt})")
    void insert(InstructionRow row);

    @Insert("INSERT INTO instr_event (instruction_id, status_from, status_to, actor, at, note)"
            + " VALUES (#{id}, #{from}, #{to}, #{actor}, #{at}, #{note})")
    void event(@Param("id") String id, @Param("from") String from, @Param("to") String to, @Param("actor") String actor,
            @Param("at") LocalDateTime at, @Param("note") String note);

    @Select("SELECT " + COLUMNS + " FROM instr_instruction WHERE id = #{id}")
    InstructionRow find(@Param("id") String id);

    @Select("SELECT status_from, status_to, actor, at FROM instr_event WHERE instruction_id = #{id} ORDER BY id")
    @org.apache.ibatis.annotations.ConstructorArgs({
            @org.apache.ibatis.annotations.Arg(column = "status_from", javaType = String.class),
            @org.apache.ibatis.annotations.Arg(column = "status_to", javaType = String.class),
            @org.apache.ibatis.annotations.Arg(column = "actor", javaType = String.class),
            @org.apache.ibatis.annotations.Arg(column = "at", javaType = LocalDateTime.class) })
    List<EventRow> history(@Param("id") String id);

    /** A row of the status journal. */
    record EventRow(String from, String to, String actor, LocalDateTime at) {
    }

    @Select("SELECT " + COLUMNS + " FROM instr_instruction WHERE id = #{id} FOR UPDATE")
    InstructionRow lock(@Param("id") String id);

    @Select("SELECT " + COLUMNS + " FROM instr_instruction WHERE client_id = #{clientId} ORDER BY created_at DESC LIMIT #{limit}")
    List<InstructionRow> ofClient(@Param("clientId") String clientId, @Param("limit") int limit);

    @Select("SELECT " + COLUMNS + " FROM instr_instruction WHERE client_id = #{clientId} AND service_id = #{serviceId}"
            + " ORDER BY created_at DESC LIMIT #{limit}")
    List<InstructionRow> ofClientAndService(@Param("clientId") String clientId, @Param("serviceId") String serviceId,
            @Param("limit") int limit);

    @Select("<script>SELECT " + COLUMNS + " FROM instr_instruction WHERE status IN"
            + " <foreach item='s' collection='statuses' open='(' separator=',' close=')'>#{s}</foreach>"
            + " AND due_by IS NOT NULL"
            + " <if test='serviceId != null'> AND service_id = #{serviceId}</if>"
            + " <if test='overdueBefore != null'> AND due_by &lt; #{overdueBefore}</if>"
            + " ORDER BY due_by IS NULL, due_by, created_at LIMIT #{limit}</script>")
    List<InstructionRow> queue(@Param("statuses") List<String> statuses, @Param("serviceId") String serviceId,
            @Param("overdueBefore") LocalDateTime overdueBefore, @Param("limit") int limit);

    @Update("UPDATE instr_instruction SET status = 'AWAITING_CONFIRMATION', challenge_id = #{challengeId}, updated_at = #{at}"
            + " WHERE id = #{id} AND status IN ('DRAFT', 'AWAITING_CONFIRMATION')")
    int awaitConfirmation(@Param("id") String id, @Param("challengeId") String challengeId, @Param("at") LocalDateTime at);

    @Update("UPDATE instr_instruction SET status = 'CONFIRMED', confirmed_at = #{at}, confirmed_session = #{session},"
            + " updated_at = #{at} WHERE id = #{id} AND status = 'AWAITING_CONFIRMATION'")
    int confirm(@Param("id") String id, @Param("session") String session, @Param("at") LocalDateTime at);

    @Update("UPDATE instr_instruction SET form_document_id = #{documentId}, updated_at = #{at} WHERE id = #{id}"
            + " AND form_document_id IS NULL")
    int attachForm(@Param("id") String id, @Param("documentId") String documentId, @Param("at") LocalDateTime at);

    @Update("UPDATE instr_instruction SET status = #{to}, due_by = #{dueBy}, updated_at = #{at}"
            + " WHERE id = #{id} AND status = #{from}")
    int accept(@Param("id") String id, @Param("from") String from, @Param("to") String to,
            @Param("dueBy") LocalDateTime dueBy, @Param("at") LocalDateTime at);

    @Update("UPDATE instr_instruction SET status = 'IN_WORK', taken_by = #{operator}, taken_at = #{at}, updated_at = #{at}"
            + " WHERE id = #{id} AND status = 'ACCEPTED'")
    int take(@Param("id") String id, @Param("operator") String operator, @Param("at") LocalDateTime at);

    @Update("UPDATE instr_instruction SET status = 'IN_WORK', taken_by = #{actor}, taken_at = #{at}, updated_at = #{at}"
            + " WHERE id = #{id} AND status = 'CONFIRMED'")
    int work(@Param("id") String id, @Param("actor") String actor, @Param("at") LocalDateTime at);

    /** Work in progress passes from the operator who took it to the service's own background work. */
    @Update("UPDATE instr_instruction SET taken_by = #{actor}, taken_at = #{at}, updated_at = #{at}"
            + " WHERE id = #{id} AND status = 'IN_WORK'")
    int handOver(@Param("id") String id, @Param("actor") String actor, @Param("at") LocalDateTime at);

    @Update("UPDATE instr_instruction SET status = 'EXECUTED', result_document_ids = #{documents}, updated_at = #{at}"
            + " WHERE id = #{id} AND status = #{from}")
    int execute(@Param("id") String id, @Param("from") String from, @Param("documents") String documents,
            @Param("at") LocalDateTime at);

    @Update("UPDATE instr_instruction SET status = #{to}, reason_kk = #{kk}, reason_ru = #{ru}, reason_en = #{en},"
            + " updated_at = #{at} WHERE id = #{id} AND status = #{from}")
    int end(@Param("id") String id, @Param("from") String from, @Param("to") String to, @Param("kk") String kk,
            @Param("ru") String ru, @Param("en") String en, @Param("at") LocalDateTime at);

    record Transition(String instructionId, String statusTo) {
    }

    /** Every transition, grouped by instruction (the journal's completeness check reads them in that order). */
    @Select("SELECT instruction_id, status_to FROM instr_event ORDER BY instruction_id, id")
    @org.apache.ibatis.annotations.Options(resultSetType = org.apache.ibatis.mapping.ResultSetType.FORWARD_ONLY, fetchSize = 1000)
    @org.apache.ibatis.annotations.ResultType(Transition.class)
    void transitions(org.apache.ibatis.session.ResultHandler<Transition> sink);
}
