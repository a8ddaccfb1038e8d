package kz.qyzmet.auth.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.VoicePasswords;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * Voice passwords (issue #16): Argon2id hashes like passwords, staged by the
 * client and put in force by their confirmed instruction; staff checks are
 * rate-limited per client and journalled with their result, never the phrase.
 */
final class VoicePhrases implements VoicePasswords {
    /** Staff checks of one client's phrase per hour: enough for a call, too few to guess. */
    static final int CHECKS_PER_HOUR = 5;
    static final String STAGED_PREFIX = "voice:";

    private final AuthStore store;

    VoicePhrases(AuthStore store) {
        this.store = store;
    }

    @Override
    public String stage(Session session, String phrase, Caller origin) {
        if (session.clientId() == null) {
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of("Тек клиенттерге.", "Только для клиентов.",
                    "For clients only."));
        }
        String normal = normal(phrase);
        if (normal.length() < 6 || normal.length() > 100 || normal.chars().distinct().count() < 4) {
            throw AuthProblems.invalidField("voicePassword", LocalizedText.of(
                    "Дауыстық құпиясөз — 6–100 таңба, кемінде 4 түрлі таңба.",
                    "Голосовой пароль — от 6 до 100 знаков, не менее 4 разных.",
                    "A voice password has 6 to 100 characters, at least 4 different ones."));
        }
        String hash = store.hasher().hash(normal);
        String id = STAGED_PREFIX + UUID.randomUUID();
        store.write(mapper -> {
            mapper.stageVoice(id, session.identityId(), hash, AuthStore.utc(store.now()));
            store.journal("auth.voice-password.staged", session.identityId(), origin).record();
            return null;
        });
        return id;
    }

    @Override
    public boolean isStaged(String clientId, String stagedId) {
        return store.read(mapper -> {
            IdentityRow identity = mapper.identityByClient(clientId);
            return identity != null && stagedId != null && mapper.countStagedVoice(stagedId, identity.id) == 1;
        });
    }

    @Override
    public void set(String clientId, String stagedId, Caller actor) {
        store.write(mapper -> {
            IdentityRow identity = mapper.identityByClient(clientId);
            String hash = identity == null ? null : mapper.lockStagedVoice(stagedId, identity.id);
            if (hash == null) {
                throw AuthProblems.invalidField("voicePassword", LocalizedText.of("Дауыстық құпиясөз қайта енгізілуі керек.",
                        "Голосовой пароль нужно ввести заново.", "Enter the voice password again."));
            }
            java.time.LocalDateTime now = AuthStore.utc(store.now());
            mapper.useStagedVoice(stagedId, now);
            mapper.setVoice(identity.id, hash, now);
            store.journal("auth.voice-password.set", identity.id, actor).record();
            return null;
        });
    }

    @Override
    public Optional<Instant> setAt(String clientId) {
        return Optional.ofNullable(store.read(mapper -> {
            IdentityRow identity = mapper.identityByClient(clientId);
            return identity == null ? null : mapper.voiceSetAt(identity.id);
        })).map(at -> at.toInstant(java.time.ZoneOffset.UTC));
    }

    @Override
    public boolean check(String clientId, String spoken, Caller operator) {
        Instant now = store.now();
        // one transaction, the identity's row locked: two checks at once cannot both pass the limit
        Boolean matched = store.write(mapper -> {
            IdentityRow identity = mapper.lockIdentityByClient(clientId);
            if (identity == null) {
                throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Клиент табылмады.",
                        "Клиент не найден.", "No such client."));
            }
            if (mapper.voiceChecksSince(identity.id, AuthStore.utc(now.minus(Duration.ofHours(1)))) >= CHECKS_PER_HOUR) {
                return null;
            }
            String hash = mapper.voiceHash(identity.id);
            if (hash == null) {
                throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of("Клиент дауыстық құпиясөз орнатпаған.",
                        "Клиент не установил голосовой пароль.", "The client has set no voice password."));
            }
            boolean match = store.hasher().verify(normal(spoken), hash);
            mapper.recordVoiceCheck(identity.id, AuthStore.utc(now), match);
            store.journal("auth.voice-password.checked", identity.id, operator).detail("matched", match).record();
            return match;
        });
        if (matched == null) {
            store.journal("auth.voice-password.rate-limited", clientId, operator).record();
            throw new ProblemException(429, CommonProblems.TOO_MANY_REQUESTS, LocalizedText.of(
                    "Осы клиенттің дауыстық құпиясөзі соңғы сағатта тым көп тексерілді.",
                    "Голосовой пароль этого клиента за последний час проверяли слишком часто.",
                    "This client's voice password was checked too often in the last hour."),
                    Map.of("limit", CHECKS_PER_HOUR), Map.of("Retry-After", "3600"));
        }
        return matched;
    }

    /** What counts of a spoken phrase: its words, whatever the case and spacing. */
    static String normal(String phrase) {
        return phrase == null ? "" : phrase.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
