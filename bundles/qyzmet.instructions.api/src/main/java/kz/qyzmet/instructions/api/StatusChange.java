package kz.qyzmet.instructions.api;

import java.time.Instant;

/**
 * One step of an instruction's history, as the append-only journal of its
 * statuses keeps it (rules §45).
 *
 * @param from  the status before, null for the instruction's creation
 * @param to    the status after
 * @param actor who moved it: the client, a manager, an operator, or {@code system:<service>}
 * @param at    when
 * @since 2.1
 */
public record StatusChange(InstructionStatus from, InstructionStatus to, String actor, Instant at) {
}
