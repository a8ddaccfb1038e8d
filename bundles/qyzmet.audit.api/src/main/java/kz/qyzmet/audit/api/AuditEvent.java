package kz.qyzmet.audit.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event to journal: what happened ({@code type}), to what ({@code subject}),
 * who did it in which role, from where, under which correlation id, and details.
 */
public record AuditEvent(String type, String subject, String actor, String actorRole,
        String address, String userAgent, String correlationId, Map<String, String> details) {

    public AuditEvent {
        requireText(type, "type");
        requireText(subject, "subject");
        requireText(actor, "actor");
        requireText(actorRole, "actorRole");
        address = address == null ? "" : address;
        userAgent = userAgent == null ? "" : userAgent;
        correlationId = correlationId == null ? "" : correlationId;
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit event needs a " + name);
        }
    }

    public static Builder builder(String type, String subject) {
        return new Builder(type, subject);
    }

    /** Builds an {@link AuditEvent}; actor defaults to the platform itself. */
    public static final class Builder {
        private final String type;
        private final String subject;
        private String actor = "system";
        private String actorRole = "system";
        private String address;
        private String userAgent;
        private String correlationId;
        private final Map<String, String> details = new LinkedHashMap<>();

        private Builder(String type, String subject) {
            this.type = type;
            this.subject = subject;
        }

        public Builder actor(String identity, String role) {
            this.actor = identity;
            this.actorRole = role;
            return this;
        }

        /** Who sent the request and from where: identity, role, address, user agent, correlation id. */
        public Builder by(kz.qyzmet.common.api.Caller caller) {
            return actor(caller.identity(), caller.role()).origin(caller.address(), caller.userAgent(), caller.correlationId());
        }

        public Builder origin(String address, String userAgent, String correlationId) {
            this.address = address;
            this.userAgent = userAgent;
            this.correlationId = correlationId;
            return this;
        }

        /**
         * Records what changed without copying personal data into the journal: the
         * SHA-256 of the state before and after (any stable text form, e.g. a
         * record's {@code toString()}), as details {@code before.sha256} / {@code after.sha256}.
         * A missing state (creation, removal) is recorded as empty.
         */
        public Builder change(Object before, Object after) {
            details.put("before.sha256", before == null ? "" : sha256(String.valueOf(before)));
            details.put("after.sha256", after == null ? "" : sha256(String.valueOf(after)));
            return this;
        }

        private static String sha256(String text) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        public Builder detail(String key, Object value) {
            details.put(key, value == null ? "" : String.valueOf(value));
            return this;
        }

        /** An independent builder with everything set so far (e.g. one for success, one for refusal). */
        public Builder copy() {
            Builder copy = new Builder(type, subject).actor(actor, actorRole).origin(address, userAgent, correlationId);
            copy.details.putAll(details);
            return copy;
        }

        public AuditEvent build() {
            return new AuditEvent(type, subject, actor, actorRole, address, userAgent, correlationId, details);
        }
    }
}
