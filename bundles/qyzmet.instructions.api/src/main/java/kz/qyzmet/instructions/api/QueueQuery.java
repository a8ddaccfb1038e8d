package kz.qyzmet.instructions.api;

/**
 * Which back-office items to list.
 *
 * @param serviceId   only this service, or null
 * @param status      only this status (ACCEPTED or IN_WORK), or null for both
 * @param overdueOnly only items past their deadline
 * @param limit       at most this many (1–500)
 */
public record QueueQuery(String serviceId, InstructionStatus status, boolean overdueOnly, int limit) {
}
