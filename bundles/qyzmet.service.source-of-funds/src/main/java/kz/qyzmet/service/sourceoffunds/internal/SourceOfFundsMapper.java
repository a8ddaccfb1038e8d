package kz.qyzmet.service.sourceoffunds.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Insert and read only: the tables refuse every update and delete (V1). */
public interface SourceOfFundsMapper {
    String EVIDENCE = "id, client_id, file_name, media_type, size, sha256, uploaded_by, uploaded_at";
    String STATEMENT = "s.instruction_id, s.instruction_no, s.client_id, s.kind, s.amount, s.currency, s.description,"
            + " s.submitted_at, d.outcome, d.reason_kk, d.reason_ru, d.reason_en, d.decided_by, d.decided_at, d.valid_until"
            + " FROM sof_statement s LEFT JOIN sof_decision d ON d.instruction_id = s.instruction_id";

    @Insert("INSERT INTO sof_evidence (" + EVIDENCE + ") VALUES (#{id}, #{clientId}, #{fileName}, #{mediaType}, #{size},"
            + " #{sha256}, #{uploadedBy}, #{uploadedAt})")
    void insertEvidence(EvidenceRow row);

    @Insert("INSERT INTO sof_evidence_part (evidence_id, part, bytes) VALUES (#{id}, #{part}, #{bytes,jdbcType=BLOB})")
    void insertPart(@Param("id") String evidenceId, @Param("part") int part, @Param("bytes") byte[] bytes);

    @Select("SELECT " + EVIDENCE + " FROM sof_evidence WHERE id = #{id}")
    EvidenceRow evidence(@Param("id") String id);

    /** Part {@code part} of a file's bytes, or null past the last (a bare {@code byte[]} would be read as rows of bytes). */
    @Select("SELECT bytes FROM sof_evidence_part WHERE evidence_id = #{id} AND part = #{part}")
    Part part(@Param("id") String evidenceId, @Param("part") int part);

    /** One part's bytes. */
    class Part {
        public byte[] bytes;
    }

    @Select("SELECT COUNT(*) FROM sof_evidence WHERE client_id = #{client} AND uploaded_at >= #{since}")
    int uploadedSince(@Param("client") String clientId, @Param("since") LocalDateTime since);

    /** The statement a file is attached to, if any. */
    @Select("SELECT instruction_id FROM sof_statement_evidence WHERE evidence_id = #{id}")
    String attachedTo(@Param("id") String evidenceId);

    @Select("SELECT e.id, e.client_id, e.file_name, e.media_type, e.size, e.sha256, e.uploaded_by, e.uploaded_at"
            + " FROM sof_statement_evidence se JOIN sof_evidence e ON e.id = se.evidence_id"
            + " WHERE se.instruction_id = #{id} ORDER BY e.uploaded_at, e.id")
    List<EvidenceRow> evidenceOf(@Param("id") String instructionId);

    @Insert("INSERT INTO sof_statement (instruction_id, instruction_no, client_id, kind, amount, currency, description,"
            + " submitted_at) VALUES (#{instructionId}, #{instructionNo}, #{clientId}, #{kind}, #{amount}, #{currency},"
            + " #{description}, #{submittedAt})")
    void insertStatement(StatementRow row);

    @Insert("INSERT INTO sof_statement_evidence (instruction_id, evidence_id) VALUES (#{statement}, #{evidence})")
    void attach(@Param("statement") String instructionId, @Param("evidence") String evidenceId);

    @Insert("INSERT INTO sof_decision (instruction_id, outcome, reason_kk, reason_ru, reason_en, decided_by, decided_at,"
            + " valid_until) VALUES (#{instructionId}, #{outcome}, #{reasonKk}, #{reasonRu}, #{reasonEn}, #{decidedBy},"
            + " #{decidedAt}, #{validUntil})")
    void insertDecision(StatementRow decision);

    @Select("SELECT " + STATEMENT + " WHERE s.instruction_id = #{id}")
    StatementRow statement(@Param("id") String instructionId);

    /** Locks the statement until the transaction ends: two decisions on one never race. */
    @Select("SELECT instruction_id FROM sof_statement WHERE instruction_id = #{id} FOR UPDATE")
    String lock(@Param("id") String instructionId);

    @Select("SELECT " + STATEMENT + " WHERE s.client_id = #{client} ORDER BY s.submitted_at DESC, s.instruction_id"
            + " LIMIT #{limit}")
    List<StatementRow> ofClient(@Param("client") String clientId, @Param("limit") int limit);

    /** Statements staff have not decided yet, the oldest first. */
    @Select("SELECT " + STATEMENT + " WHERE d.outcome IS NULL ORDER BY s.submitted_at, s.instruction_id LIMIT #{limit}")
    List<StatementRow> undecided(@Param("limit") int limit);

    @Select("SELECT " + STATEMENT + " WHERE s.client_id = #{client} AND d.outcome = 'APPROVED' AND d.valid_until > #{at}"
            + " AND d.decided_at <= #{at} ORDER BY d.decided_at DESC")
    List<StatementRow> approved(@Param("client") String clientId, @Param("at") LocalDateTime at);
}
