package kz.qyzmet.auth.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL of authentication; one method name per statement (MyBatis cannot overload). */
public interface AuthMapper {
    String IDENTITY = "SELECT id, login, email, phone, role, client_id, display_name, language, password_hash,"
            + " password_changed_at, password_change_required, status, status_changed_at, failed_attempts, locked_until,"
            + " created_at, created_by FROM auth_identity";
    String SESSION = "SELECT id, token_hash, csrf_hash, identity_id, kind, stage, security_method, security_opened_at,"
            + " address, user_agent, created_at, last_seen_at, absolute_expiry, ended_at, end_reason FROM auth_session";
    String CODE = "SELECT id, identity_id, purpose, code_hash, session_id, subject, digest, prepared_by, channel,"
            + " created_at, expires_at, attempts, used_at FROM auth_code";

    // identities

    @Insert("INSERT INTO auth_identity (id, login, email, phone, role, client_id, display_name, language, password_hash,"
            + " password_changed_at, password_change_required, status, status_changed_at, failed_attempts, created_at, created_by)"
            + " VALUES (#{id}, #{login}, #{email}, #{phone}, #{role}, #{clientId}, #{displayName}, #{language}, #{passwordHash},"
            + " #{passwordChangedAt}, #{passwordChangeRequired}, #{status}, #{statusChangedAt}, 0, #{createdAt}, #{createdBy})")
    void insertIdentity(IdentityRow row);

    @Select(IDENTITY + " WHERE id = #{id}")
    IdentityRow identity(@Param("id") String id);

    @Select(IDENTITY + " WHERE id = #{id} FOR UPDATE")
    IdentityRow lockIdentity(@Param("id") String id);

    @Select(IDENTITY + " WHERE login = #{value}")
    IdentityRow identityByLogin(@Param("value") String login);

    @Select(IDENTITY + " WHERE email = #{value}")
    IdentityRow identityByEmail(@Param("value") String email);

    @Select(IDENTITY + " WHERE phone = #{value}")
    IdentityRow identityByPhone(@Param("value") String phone);

    @Select(IDENTITY + " WHERE client_id = #{clientId}")
    IdentityRow identityByClient(@Param("clientId") String clientId);

    @Select("SELECT COUNT(*) FROM auth_identity WHERE role = 'ADMIN'")
    int countAdmins();

    @Select(IDENTITY + " ORDER BY login LIMIT #{limit} OFFSET #{offset}")
    List<IdentityRow> identities(@Param("limit") int limit, @Param("offset") int offset);

    @Update("UPDATE auth_identity SET password_hash = #{hash}, password_changed_at = #{at},"
            + " password_change_required = #{changeRequired} WHERE id = #{id}")
    void setPassword(@Param("id") String id, @Param("hash") String hash, @Param("at") LocalDateTime at,
            @Param("changeRequired") boolean changeRequired);

    @Update("UPDATE auth_identity SET role = #{role} WHERE id = #{id}")
    void setRole(@Param("id") String id, @Param("role") String role);

    @Update("UPDATE auth_identity SET phone = #{phone} WHERE id = #{id}")
    void setPhone(@Param("id") String id, @Param("phone") String phone);

    @Update("UPDATE auth_identity SET email = #{email} WHERE id = #{id}")
    void setEmail(@Param("id") String id, @Param("email") String email);

    /** The open app sessions of an identity: its devices (issue #16). */
    @Select(SESSION + " WHERE identity_id = #{identityId} AND kind = 'APP' AND ended_at IS NULL ORDER BY last_seen_at DESC")
    List<SessionRow> openAppSessions(@Param("identityId") String identityId);

    // voice passwords (issue #16)

    @Insert("INSERT INTO auth_voice_stage (id, identity_id, hash, created_at) VALUES (#{id}, #{identityId}, #{hash}, #{at})")
    void stageVoice(@Param("id") String id, @Param("identityId") String identityId, @Param("hash") String hash,
            @Param("at") LocalDateTime at);

    @Select("SELECT hash FROM auth_voice_stage WHERE id = #{id} AND identity_id = #{identityId} AND used_at IS NULL FOR UPDATE")
    String lockStagedVoice(@Param("id") String id, @Param("identityId") String identityId);

    @Select("SELECT COUNT(*) FROM auth_voice_stage WHERE id = #{id} AND identity_id = #{identityId} AND used_at IS NULL")
    int countStagedVoice(@Param("id") String id, @Param("identityId") String identityId);

    @Update("UPDATE auth_voice_stage SET used_at = #{at} WHERE id = #{id}")
    void useStagedVoice(@Param("id") String id, @Param("at") LocalDateTime at);

    @Insert("INSERT INTO auth_voice_password (identity_id, hash, set_at) VALUES (#{identityId}, #{hash}, #{at})"
            + " ON DUPLICATE KEY UPDATE hash = VALUES(hash), set_at = VALUES(set_at)")
    void setVoice(@Param("identityId") String identityId, @Param("hash") String hash, @Param("at") LocalDateTime at);

    @Select("SELECT hash FROM auth_voice_password WHERE identity_id = #{identityId}")
    String voiceHash(@Param("identityId") String identityId);

    @Select("SELECT set_at FROM auth_voice_password WHERE identity_id = #{identityId}")
    LocalDateTime voiceSetAt(@Param("identityId") String identityId);

    @Insert("INSERT INTO auth_voice_check (identity_id, checked_at, matched) VALUES (#{identityId}, #{at}, #{matched})")
    void recordVoiceCheck(@Param("identityId") String identityId, @Param("at") LocalDateTime at,
            @Param("matched") boolean matched);

    @Select("SELECT COUNT(*) FROM auth_voice_check WHERE identity_id = #{identityId} AND checked_at > #{since}")
    int voiceChecksSince(@Param("identityId") String identityId, @Param("since") LocalDateTime since);

    /** Locked until the transaction ends: a change of contacts and a login by them never interleave. */
    @Select(IDENTITY + " WHERE client_id = #{clientId} FOR UPDATE")
    IdentityRow lockIdentityByClient(@Param("clientId") String clientId);

    @Update("UPDATE auth_identity SET status = #{status}, status_changed_at = #{at} WHERE id = #{id}")
    void setStatus(@Param("id") String id, @Param("status") String status, @Param("at") LocalDateTime at);

    /** One more failure; locks when it reaches the threshold (§42), atomically on every node. */
    @Update("UPDATE auth_identity SET failed_attempts = failed_attempts + 1,"
            + " locked_until = IF(failed_attempts >= #{threshold}, #{lockUntil}, locked_until),"
            + " failed_attempts = IF(failed_attempts >= #{threshold}, 0, failed_attempts) WHERE id = #{id}")
    void recordFailure(@Param("id") String id, @Param("threshold") int threshold, @Param("lockUntil") LocalDateTime lockUntil);

    /** §42 for identifiers nobody has (§22: their answers must be those of an account): same count, same lock. */
    @Insert("INSERT INTO auth_unknown_identifier (identifier_hash, failed_attempts, locked_until)"
            + " VALUES (#{hash}, 1, IF(1 >= #{threshold}, #{lockUntil}, NULL)) ON DUPLICATE KEY UPDATE"
            + " failed_attempts = failed_attempts + 1,"
            + " locked_until = IF(failed_attempts >= #{threshold}, #{lockUntil}, locked_until),"
            + " failed_attempts = IF(failed_attempts >= #{threshold}, 0, failed_attempts)")
    void recordUnknownFailure(@Param("hash") byte[] hash, @Param("threshold") int threshold,
            @Param("lockUntil") LocalDateTime lockUntil);

    @Select("SELECT locked_until FROM auth_unknown_identifier WHERE identifier_hash = #{hash}")
    LocalDateTime unknownIdentifierLock(@Param("hash") byte[] hash);

    @Update("UPDATE auth_identity SET failed_attempts = 0 WHERE id = #{id} AND failed_attempts <> 0")
    void clearFailures(@Param("id") String id);

    @Update("UPDATE auth_identity SET locked_until = #{until}, failed_attempts = 0 WHERE id = #{id}")
    void setLock(@Param("id") String id, @Param("until") LocalDateTime until);

    // sessions

    @Insert("INSERT INTO auth_session (id, token_hash, csrf_hash, identity_id, kind, stage, security_method, security_opened_at,"
            + " address, user_agent, created_at, last_seen_at, absolute_expiry) VALUES (#{id}, #{tokenHash}, #{csrfHash},"
            + " #{identityId}, #{kind}, #{stage}, #{securityMethod}, #{securityOpenedAt}, #{address}, #{userAgent},"
            + " #{createdAt}, #{lastSeenAt}, #{absoluteExpiry})")
    void insertSession(SessionRow row);

    @Select(SESSION + " WHERE token_hash = #{tokenHash} AND ended_at IS NULL")
    SessionRow sessionByToken(@Param("tokenHash") byte[] tokenHash);

    @Select(SESSION + " WHERE id = #{id} AND ended_at IS NULL")
    SessionRow liveSession(@Param("id") String id);

    @Update("UPDATE auth_session SET last_seen_at = #{at} WHERE id = #{id} AND ended_at IS NULL")
    void touchSession(@Param("id") String id, @Param("at") LocalDateTime at);

    /** A session that gains a stage gets a new token (and CSRF token): whatever held the old one holds nothing. */
    @Update("UPDATE auth_session SET stage = #{stage}, security_method = #{method}, security_opened_at = #{at},"
            + " token_hash = #{tokenHash}, csrf_hash = #{csrfHash} WHERE id = #{id} AND stage = #{fromStage}"
            + " AND ended_at IS NULL")
    int elevateSession(@Param("id") String id, @Param("fromStage") String fromStage, @Param("stage") String stage,
            @Param("method") String method, @Param("at") LocalDateTime at, @Param("tokenHash") byte[] tokenHash,
            @Param("csrfHash") byte[] csrfHash);

    @Update("UPDATE auth_session SET ended_at = #{at}, end_reason = #{reason} WHERE id = #{id} AND ended_at IS NULL")
    int endSession(@Param("id") String id, @Param("at") LocalDateTime at, @Param("reason") String reason);

    @Select("SELECT id FROM auth_session WHERE identity_id = #{identityId} AND ended_at IS NULL")
    List<String> liveSessionIds(@Param("identityId") String identityId);

    @Update("UPDATE auth_session SET ended_at = #{at}, end_reason = #{reason} WHERE identity_id = #{identityId} AND ended_at IS NULL")
    int endAllSessions(@Param("identityId") String identityId, @Param("at") LocalDateTime at, @Param("reason") String reason);

    // one-time codes

    @Insert("INSERT INTO auth_code (id, identity_id, purpose, code_hash, session_id, subject, digest, prepared_by, channel,"
            + " created_at, expires_at) VALUES (#{id}, #{identityId}, #{purpose}, #{codeHash}, #{sessionId}, #{subject},"
            + " #{digest}, #{preparedBy}, #{channel}, #{createdAt}, #{expiresAt})")
    void insertCode(CodeRow row);

    @Select(CODE + " WHERE id = #{id} FOR UPDATE")
    CodeRow lockCode(@Param("id") String id);

    /** The newest unused code of a purpose, for flows where the client types only the code (login, recovery). */
    @Select(CODE + " WHERE identity_id = #{identityId} AND purpose = #{purpose} AND used_at IS NULL"
            + " ORDER BY created_at DESC LIMIT 1 FOR UPDATE")
    CodeRow lockLatestCode(@Param("identityId") String identityId, @Param("purpose") String purpose);

    @Select("SELECT COUNT(*) FROM auth_code WHERE identity_id = #{identityId} AND purpose = #{purpose} AND created_at > #{since}")
    int countCodesSince(@Param("identityId") String identityId, @Param("purpose") String purpose,
            @Param("since") LocalDateTime since);

    @Update("UPDATE auth_code SET attempts = attempts + 1 WHERE id = #{id}")
    void countCodeAttempt(@Param("id") String id);

    @Update("UPDATE auth_code SET used_at = #{at} WHERE id = #{id} AND used_at IS NULL")
    int useCode(@Param("id") String id, @Param("at") LocalDateTime at);

    /** A contact code typed right: used, and proven (a voided code is only used). */
    @Update("UPDATE auth_code SET used_at = #{at}, proven_at = #{at} WHERE id = #{id} AND used_at IS NULL")
    int proveCode(@Param("id") String id, @Param("at") LocalDateTime at);

    @Select("SELECT COUNT(*) FROM auth_code WHERE identity_id = #{identityId} AND purpose = 'CONTACT'"
            + " AND subject = #{subject} AND proven_at >= #{since}")
    int countProven(@Param("identityId") String identityId, @Param("subject") String subject,
            @Param("since") LocalDateTime since);

    /** A newer code of the same purpose voids the older ones. */
    @Update("UPDATE auth_code SET used_at = #{at} WHERE identity_id = #{identityId} AND purpose = #{purpose} AND used_at IS NULL")
    void voidCodes(@Param("identityId") String identityId, @Param("purpose") String purpose, @Param("at") LocalDateTime at);

    // QR approval (§35.2)

    @Insert("INSERT INTO auth_qr (id, secret_hash, session_id, identity_id, created_at, expires_at)"
            + " VALUES (#{id}, #{secretHash}, #{sessionId}, #{identityId}, #{createdAt}, #{expiresAt})")
    void insertQr(QrRow row);

    @Select("SELECT id, secret_hash, session_id, identity_id, created_at, expires_at, approved_at, approved_by_session,"
            + " claimed_at FROM auth_qr WHERE id = #{id} FOR UPDATE")
    QrRow lockQr(@Param("id") String id);

    @Select("SELECT id, secret_hash, session_id, identity_id, created_at, expires_at, approved_at, approved_by_session,"
            + " claimed_at FROM auth_qr WHERE id = #{id}")
    QrRow qr(@Param("id") String id);

    @Update("UPDATE auth_qr SET approved_at = #{at}, approved_by_session = #{by} WHERE id = #{id} AND approved_at IS NULL")
    int approveQr(@Param("id") String id, @Param("at") LocalDateTime at, @Param("by") String approvedBy);

    @Update("UPDATE auth_qr SET claimed_at = #{at} WHERE id = #{id} AND approved_at IS NOT NULL AND claimed_at IS NULL")
    int claimQr(@Param("id") String id, @Param("at") LocalDateTime at);

    // §43 addresses

    @Insert("INSERT INTO auth_login_attempt (address, identifier_hash, succeeded, attempted_at)"
            + " VALUES (#{address}, #{identifierHash}, #{succeeded}, #{at})")
    void insertAttempt(@Param("address") String address, @Param("identifierHash") byte[] identifierHash,
            @Param("succeeded") boolean succeeded, @Param("at") LocalDateTime at);

    @Select("SELECT COUNT(DISTINCT identifier_hash) FROM auth_login_attempt WHERE address = #{address}"
            + " AND succeeded = FALSE AND attempted_at > #{since}")
    int distinctFailedLogins(@Param("address") String address, @Param("since") LocalDateTime since);

    @Select("SELECT address, blocked_at, blocked_until, logins_tried, lifted_at, lifted_by FROM auth_address_block"
            + " WHERE address = #{address}")
    AddressBlockRow addressBlock(@Param("address") String address);

    @Select("SELECT address, blocked_at, blocked_until, logins_tried, lifted_at, lifted_by FROM auth_address_block"
            + " WHERE lifted_at IS NULL AND blocked_until > #{now} ORDER BY blocked_at DESC")
    List<AddressBlockRow> activeAddressBlocks(@Param("now") LocalDateTime now);

    @Insert("INSERT INTO auth_address_block (address, blocked_at, blocked_until, logins_tried) VALUES (#{address}, #{at}, #{until}, #{logins})"
            + " ON DUPLICATE KEY UPDATE blocked_at = #{at}, blocked_until = #{until}, logins_tried = #{logins}, lifted_at = NULL, lifted_by = NULL")
    void blockAddress(@Param("address") String address, @Param("at") LocalDateTime at, @Param("until") LocalDateTime until,
            @Param("logins") int logins);

    @Update("UPDATE auth_address_block SET lifted_at = #{at}, lifted_by = #{by} WHERE address = #{address} AND lifted_at IS NULL")
    int liftAddressBlock(@Param("address") String address, @Param("at") LocalDateTime at, @Param("by") String by);

    /** Attempts from before a lift do not count again. */
    @Update("DELETE FROM auth_login_attempt WHERE address = #{address} AND succeeded = FALSE")
    void forgetFailedAttempts(@Param("address") String address);
}
