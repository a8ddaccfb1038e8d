package kz.qyzmet.documents.internal;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL of the document store. There is no UPDATE or DELETE of a document, and the database refuses both. */
public interface DocumentMapper {
    String COLUMNS = "id, number, kind, owner_client_id, title, language, media_type, file_name, size, sha256,"
            + " instruction_id, issued_at";

    @Insert("INSERT INTO doc_number_series (series, year, last) VALUES (#{series}, #{year}, LAST_INSERT_ID(1))"
            + " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)")
    void nextNumber(@Param("series") String series, @Param("year") int year);

    @Select("SELECT LAST_INSERT_ID()")
    long lastNumber();

    /** The record; its bytes follow as {@link #insertPart parts}. */
    @Insert("INSERT INTO doc_document (" + COLUMNS + ", verification_token, key_figures, issued_by) VALUES (#{row.id},"
            + " #{row.number}, #{row.kind}, #{row.ownerClientId}, #{row.title}, #{row.language}, #{row.mediaType}, #{row.fileName},"
            + " #{row.size}, #{row.sha256}, #{row.instructionId}, #{row.issuedAt}, #{row.verificationToken}, #{row.keyFigures},"
            + " #{issuedBy})")
    void insert(@Param("row") DocumentRow row, @Param("issuedBy") String issuedBy);

    @Insert("INSERT INTO doc_content_part (document_id, part, bytes) VALUES (#{id}, #{part}, #{bytes,jdbcType=BLOB})")
    void insertPart(@Param("id") String id, @Param("part") int part, @Param("bytes") byte[] bytes);

    /** Part {@code part} of a document's bytes, or null past the last. */
    @Select("SELECT bytes AS content FROM doc_content_part WHERE document_id = #{id} AND part = #{part}")
    ContentRow part(@Param("id") String id, @Param("part") int part);

    @Select("SELECT " + COLUMNS + " FROM doc_document WHERE id = #{id}")
    DocumentRow find(@Param("id") String id);

    @Select("SELECT " + COLUMNS + ", key_figures FROM doc_document WHERE verification_token = #{token}")
    DocumentRow findByVerificationToken(@Param("token") String token);

    @Select("<script>SELECT id, verification_token FROM doc_document WHERE verification_token IS NOT NULL AND id IN"
            + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<DocumentRow> verificationTokens(@Param("ids") java.util.Collection<String> ids);

    @Select("SELECT verification_token FROM doc_document WHERE id = #{id}")
    String verificationToken(@Param("id") String id);

    @Select("SELECT key_figures FROM doc_document WHERE id = #{id}")
    String keyFigures(@Param("id") String id);

    @Insert("INSERT INTO doc_verification_count (day, outcome, count) VALUES (#{day}, #{outcome}, 1)"
            + " ON DUPLICATE KEY UPDATE count = count + 1")
    void countVerification(@Param("day") java.time.LocalDate day, @Param("outcome") String outcome);

    @Select("SELECT day, outcome, count FROM doc_verification_count WHERE day >= #{from} ORDER BY day, outcome")
    @org.apache.ibatis.annotations.ConstructorArgs({
            @org.apache.ibatis.annotations.Arg(column = "day", javaType = java.time.LocalDate.class),
            @org.apache.ibatis.annotations.Arg(column = "outcome", javaType = String.class),
            @org.apache.ibatis.annotations.Arg(column = "count", javaType = long.class) })
    List<kz.qyzmet.documents.api.VerificationCount> verificationCounts(@Param("from") java.time.LocalDate from);

    @Select("SELECT " + COLUMNS + " FROM doc_document WHERE number = #{number}")
    DocumentRow findByNumber(@Param("number") String number);

    @Select("SELECT " + COLUMNS + " FROM doc_document WHERE sha256 = #{sha256} ORDER BY issued_at LIMIT 1")
    DocumentRow findBySha256(@Param("sha256") String sha256);

    @Select("SELECT " + COLUMNS + " FROM doc_document WHERE owner_client_id = #{clientId}"
            + " ORDER BY issued_at DESC, number DESC LIMIT #{limit}")
    List<DocumentRow> ofClient(@Param("clientId") String clientId, @Param("limit") int limit);

    /**
     * One row with its bytes (a bare {@code byte[]} result would be read by MyBatis as rows of bytes):
     * {@code stored} 1 when the document exists, {@code content} null when its bytes are in parts.
     */
    @Select("SELECT 1 AS stored, content FROM doc_document WHERE id = #{id}")
    ContentRow content(@Param("id") String id);

    class ContentRow {
        public int stored;
        public byte[] content;
    }

    @Select("SELECT number FROM doc_document ORDER BY number")
    @org.apache.ibatis.annotations.Options(resultSetType = org.apache.ibatis.mapping.ResultSetType.FORWARD_ONLY, fetchSize = 1000)
    @org.apache.ibatis.annotations.ResultType(String.class)
    void numbers(org.apache.ibatis.session.ResultHandler<String> sink);
}
