package kz.qyzmet.documents.api;

import java.time.LocalDate;

/**
 * How many anonymous verifications of presented files a day had, by outcome
 * ({@code genuine} or {@code unknown}): the public verifies without filling the
 * audit journal, and operators still see how much it is used and how often a
 * file that is not the broker's comes in.
 */
public record VerificationCount(LocalDate day, String outcome, long count) {
}
