package kz.qyzmet.rest.internal;

import java.util.Map;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Headers every answer of the API carries (OWASP ASVS 5.0, V3/V4): HTTPS only
 * for a year (§37), no content sniffing, no referrer leaving the platform, and
 * {@code Cache-Control: no-store} unless the resource chose its caching itself
 * (the public catalog does, with an ETag): answers carry tokens and personal
 * data that no browser or proxy cache may keep. A 401 names the scheme.
 */
final class ResponseHeaders {
    static final Map<String, String> SECURITY = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");
    static final String NO_STORE = "no-store";
    static final String BEARER_CHALLENGE = "Bearer realm=\"qyzmet\"";

    private ResponseHeaders() {
    }

    static void apply(MultivaluedMap<String, Object> headers, int status) {
        SECURITY.forEach(headers::putSingle);
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
        if (status == 401 && !headers.containsKey(HttpHeaders.WWW_AUTHENTICATE)) {
            headers.putSingle(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        }
    }
}
