package kz.qyzmet.auth.outbox.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface OutboxMapper {

    @Insert("INSERT INTO otp_outbox (channel, recipient, purpose, text, session_id, created_at)"
            + " VALUES (#{channel}, #{recipient}, #{purpose}, #{text}, #{sessionId}, #{at})")
    void insert(@Param("channel") String channel, @Param("recipient") String recipient, @Param("purpose") String purpose,
            @Param("text") String text, @Param("sessionId") String sessionId, @Param("at") LocalDateTime at);

    @Select("SELECT id, channel, recipient, purpose, text, created_at FROM otp_outbox WHERE session_id = #{sessionId}"
            + " ORDER BY id DESC LIMIT #{limit}")
    List<OutboxMessage> latestOfSession(@Param("sessionId") String sessionId, @Param("limit") int limit);
}
