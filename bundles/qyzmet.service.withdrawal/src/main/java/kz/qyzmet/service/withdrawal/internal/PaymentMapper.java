package kz.qyzmet.service.withdrawal.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

public interface PaymentMapper {
    String COLUMNS = "instruction_id, payment_id, instruction_no, client_id, account_id, currency, amount, fee, creditor_name,"
            + " creditor_iban, creditor_bic, purpose, hold_reference, state, reviewed, gateway, submission, sent_at,"
            + " bank_reference, reason_code, reason_text, answered_at, created_at, updated_at";

    @Insert("INSERT INTO withdrawal_payment (instruction_id, payment_id, instruction_no, client_id, account_id, currency,"
            + " amount, fee, creditor_name, creditor_iban, creditor_bic, purpose, hold_reference, state, reviewed, created_at,"
            + " updated_at) VALUES (#{instructionId}, #{paymentId}, #{instructionNo}, #{clientId}, #{accountId}, #{currency},"
            + " #{amount}, #{fee}, #{creditorName}, #{creditorIban}, #{creditorBic}, #{purpose}, #{holdReference}, #{state},"
            + " #{reviewed}, #{createdAt}, #{updatedAt})")
    void insert(PaymentRow row);

    @Select("SELECT " + COLUMNS + " FROM withdrawal_payment WHERE instruction_id = #{id}")
    PaymentRow find(@Param("id") String instructionId);

    /** Locked until the transaction ends: a cancellation and the sending of one payment never overlap. */
    @Select("SELECT " + COLUMNS + " FROM withdrawal_payment WHERE instruction_id = #{id} FOR UPDATE")
    PaymentRow lock(@Param("id") String instructionId);

    @Update("UPDATE withdrawal_payment SET state = #{to}, updated_at = #{at} WHERE instruction_id = #{id} AND state = #{from}")
    int move(@Param("id") String instructionId, @Param("from") String from, @Param("to") String to,
            @Param("at") LocalDateTime at);

    @Update("UPDATE withdrawal_payment SET state = 'SENT', gateway = #{gateway}, submission = #{submission}, sent_at = #{at},"
            + " updated_at = #{at} WHERE instruction_id = #{id} AND state = 'SENDING'")
    int sent(@Param("id") String instructionId, @Param("gateway") String gateway, @Param("submission") String submission,
            @Param("at") LocalDateTime at);

    @Update("UPDATE withdrawal_payment SET state = #{to}, bank_reference = #{reference}, reason_code = #{code},"
            + " reason_text = #{text}, answered_at = #{answeredAt}, updated_at = #{at}"
            + " WHERE instruction_id = #{id} AND state = 'SENT'")
    int answered(@Param("id") String instructionId, @Param("to") String to, @Param("reference") String reference,
            @Param("code") String code, @Param("text") String text, @Param("answeredAt") LocalDateTime answeredAt,
            @Param("at") LocalDateTime at);

    @Select("<script>SELECT " + COLUMNS + " FROM withdrawal_payment"
            + "<where><if test='states != null'>state IN <foreach item='s' collection='states' open='(' separator=','"
            + " close=')'>#{s}</foreach></if></where> ORDER BY created_at DESC LIMIT #{limit}</script>")
    List<PaymentRow> list(@Param("states") List<String> states, @Param("limit") int limit);
}
