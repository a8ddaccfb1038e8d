package kz.qyzmet.instructions.api;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;

/** What every service's request endpoints check the same way. */
public final class ServiceRequests {
    private ServiceRequests() {
    }

    /** Body of a confirmation: the challenge answered and the code the client received (§25.2). */
    public record Confirmation(String challengeId, String code) {
    }

    /** The language a document is to be in: the one asked for, else the session's; 400 naming {@code language}. */
    public static Language documentLanguage(String requested, Session session) {
        if (requested == null || requested.isBlank()) {
            return session.language();
        }
        Language language = Language.fromTag(requested.trim());
        if (language == null) {
            throw Requests.invalid("language", LocalizedText.of("language: kk, ru немесе en.", "language: kk, ru или en.",
                    "language: kk, ru or en."));
        }
        return language;
    }

    /** Confirms the instruction with the code in {@code body}; 400 naming whatever is missing. */
    public static Instruction confirm(Instructions instructions, String instructionId, Confirmation body, Session session,
            Caller caller) {
        Requests.required(body, "body");
        return instructions.confirm(instructionId, Requests.required(body.challengeId(), "challengeId"),
                Requests.required(body.code(), "code"), session, caller);
    }
}
