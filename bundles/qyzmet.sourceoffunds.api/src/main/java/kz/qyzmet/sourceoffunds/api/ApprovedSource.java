package kz.qyzmet.sourceoffunds.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One approved source-of-funds confirmation.
 *
 * @param instructionId the client's confirmed statement (its instruction)
 * @param number        the instruction's number, as the client and staff read it
 * @param kind          what the money came from (salary, sale of property, …)
 * @param amount        the amount the client declared
 * @param currency      its ISO 4217 code
 * @param approvedAt    when staff approved it
 * @param approvedBy    who approved it
 * @param validUntil    until when it counts
 */
public record ApprovedSource(String instructionId, String number, String kind, BigDecimal amount, String currency,
        Instant approvedAt, String approvedBy, Instant validUntil) {
}
