package kz.qyzmet.auth.api;

import kz.qyzmet.common.api.LocalizedText;

/**
 * What a client is asked to confirm (rules §25.2): the instruction, the SHA-256
 * digest of its canonical content, and a summary the code message shows so the
 * client sees what the code will approve (dynamic linking).
 *
 * @param subject id of the instruction (or other operation) being confirmed
 * @param digest  lower-case hex SHA-256 of its canonical content
 * @param summary short description, e.g. "Withdrawal 150 000.00 KZT to KZ..."
 */
public record ConfirmationRequest(String subject, String digest, LocalizedText summary) {
}
