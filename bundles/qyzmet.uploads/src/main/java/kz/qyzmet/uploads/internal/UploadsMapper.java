package kz.qyzmet.uploads.internal;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

public interface UploadsMapper {
    String COLUMNS = "id, client_id AS clientId, purpose, media_type AS mediaType, file_name AS fileName, size, sha256,"
            + " kept_at AS keptAt, keep_until AS keepUntil, purged_at AS purgedAt";

    @Insert("INSERT INTO upload (id, client_id, purpose, media_type, file_name, size, sha256, kept_at, keep_until)"
            + " VALUES (#{id}, #{clientId}, #{purpose}, #{mediaType}, #{fileName}, #{size}, #{sha256}, #{keptAt}, #{keepUntil})")
    void insert(UploadRow row);

    @Insert("INSERT INTO upload_part (upload_id, part, bytes) VALUES (#{id}, #{part}, #{bytes,jdbcType=BLOB})")
    void insertPart(@Param("id") String uploadId, @Param("part") int part, @Param("bytes") byte[] bytes);

    @Select("SELECT " + COLUMNS + " FROM upload WHERE id = #{id}")
    UploadRow find(@Param("id") String id);

    @Select("SELECT " + COLUMNS + " FROM upload WHERE id = #{id} FOR UPDATE")
    UploadRow lock(@Param("id") String id);

    @Select("SELECT COUNT(*) FROM upload WHERE client_id = #{clientId} AND kept_at >= #{since}")
    int countSince(@Param("clientId") String clientId, @Param("since") LocalDateTime since);

    /** Part {@code part} of a file's bytes, or null past the last (a bare {@code byte[]} would be read as rows of bytes). */
    @Select("SELECT bytes FROM upload_part WHERE upload_id = #{id} AND part = #{part}")
    Part part(@Param("id") String uploadId, @Param("part") int part);

    @Insert("INSERT INTO upload_purge (upload_id, purged_at, reason) VALUES (#{id}, #{at}, #{reason})")
    void insertPurge(@Param("id") String uploadId, @Param("at") LocalDateTime at, @Param("reason") String reason);

    @Delete("DELETE FROM upload_part WHERE upload_id = #{id}")
    int deleteParts(@Param("id") String uploadId);

    @Update("UPDATE upload SET purged_at = #{at} WHERE id = #{id} AND purged_at IS NULL")
    int markPurged(@Param("id") String uploadId, @Param("at") LocalDateTime at);

    /** One part's bytes. */
    class Part {
        public byte[] bytes;
    }
}
