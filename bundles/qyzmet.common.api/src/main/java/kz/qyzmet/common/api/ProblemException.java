package kz.qyzmet.common.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Thrown by resources and filters to answer with an RFC 9457 problem. The
 * platform's mapper renders it as {@code application/problem+json} in the
 * client's language; the exception never reaches the client as a stack trace.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ProblemType type;
    private final LocalizedText detail;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(int status, ProblemType type, LocalizedText detail) {
        this(status, type, detail, Map.of(), Map.of());
    }

    public ProblemException(int status, ProblemType type, LocalizedText detail,
            Map<String, ?> extensions, Map<String, String> headers) {
        super(type.slug() + ": " + Objects.requireNonNull(detail, "detail").en());
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public LocalizedText detail() {
        return detail;
    }

    /** Extra members of the problem object (RFC 9457 §3.2), e.g. {@code serviceId}. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Extra response headers, e.g. {@code Retry-After} or {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }
}
