package kz.qyzmet.channel.telegram.internal;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

public interface TelegramMapper {
    String COLUMNS = "id, client_id AS clientId, instruction_id AS instructionId, code_digest AS codeDigest, opened_at AS openedAt,"
            + " expires_at AS expiresAt, chat_id AS chatId, shown_as AS shownAs, linked_at AS linkedAt, ended_at AS endedAt";

    @Insert("INSERT INTO telegram_link (id, client_id, instruction_id, code_digest, opened_at, expires_at)"
            + " VALUES (#{id}, #{clientId}, #{instructionId}, #{codeDigest}, #{openedAt}, #{expiresAt})")
    void insert(LinkRow row);

    /** The client's links not ended (pending or in force), locked. */
    @Select("SELECT " + COLUMNS + " FROM telegram_link WHERE client_id = #{clientId} AND ended_at IS NULL FOR UPDATE")
    java.util.List<LinkRow> openOf(@Param("clientId") String clientId);

    @Update("UPDATE telegram_link SET ended_at = #{at} WHERE id = #{id} AND ended_at IS NULL")
    int end(@Param("id") String id, @Param("at") LocalDateTime at);

    @Select("SELECT " + COLUMNS + " FROM telegram_link WHERE client_id = #{clientId} AND ended_at IS NULL"
            + " AND linked_at IS NULL AND expires_at > #{now} ORDER BY opened_at DESC LIMIT 1")
    LinkRow pendingOf(@Param("clientId") String clientId, @Param("now") LocalDateTime now);

    @Select("SELECT " + COLUMNS + " FROM telegram_link WHERE client_id = #{clientId} AND ended_at IS NULL"
            + " AND linked_at IS NOT NULL ORDER BY linked_at DESC LIMIT 1")
    LinkRow linkedOf(@Param("clientId") String clientId);

    @Select("SELECT " + COLUMNS + " FROM telegram_link WHERE code_digest = #{digest} FOR UPDATE")
    LinkRow byCode(@Param("digest") byte[] digest);

    @Update("UPDATE telegram_link SET chat_id = #{chatId}, shown_as = #{shownAs}, linked_at = #{at}"
            + " WHERE id = #{id} AND linked_at IS NULL AND ended_at IS NULL")
    int bind(@Param("id") String id, @Param("chatId") String chatId, @Param("shownAs") String shownAs,
            @Param("at") LocalDateTime at);

    @Insert("INSERT INTO telegram_refusal (chat_digest, refused_at) VALUES (#{chat}, #{at})")
    void refuse(@Param("chat") byte[] chatDigest, @Param("at") LocalDateTime at);

    @Select("SELECT COUNT(*) FROM telegram_refusal WHERE chat_digest = #{chat} AND refused_at > #{since}")
    int refusalsSince(@Param("chat") byte[] chatDigest, @Param("since") LocalDateTime since);

    @Insert("INSERT IGNORE INTO telegram_update (update_id, received_at) VALUES (#{id}, #{at})")
    int received(@Param("id") long updateId, @Param("at") LocalDateTime at);
}
