package kz.qyzmet.instructions.api;

import kz.qyzmet.auth.api.ConfirmationChallenge;

/** A created instruction and the code challenge the client answers to confirm it. */
public record Submission(Instruction instruction, ConfirmationChallenge challenge) {
}
