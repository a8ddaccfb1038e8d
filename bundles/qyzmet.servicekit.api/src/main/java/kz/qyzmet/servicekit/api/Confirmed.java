package kz.qyzmet.servicekit.api;

import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.common.api.Caller;

/**
 * A request its client confirmed with the code (§25.2), handed to
 * {@link ServiceHandler#execute}.
 *
 * @param instruction the stored instruction (number, client, account, times)
 * @param request     its request record, read back from what was confirmed
 * @param caller      who confirmed it, with address and correlation id, for the documents and records it produces
 */
public record Confirmed<R extends Record>(Instruction instruction, R request, Caller caller) {
}
