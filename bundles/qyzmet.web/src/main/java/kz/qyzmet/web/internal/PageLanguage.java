package kz.qyzmet.web.internal;

import javax.ws.rs.core.HttpHeaders;

import kz.qyzmet.common.api.Language;

/**
 * The language of a page: the one the person chose (a link {@code ?lang=kk}, then
 * remembered in a cookie for a year), else the browser's Accept-Language, else
 * Kazakh. The cookie holds nothing personal, so it is not {@code __Host-} bound
 * to a session; it outlives signing out, as a choice of language should.
 */
final class PageLanguage {
    static final String COOKIE = "qyzmet-lang";
    static final String PARAMETER = "lang";

    private PageLanguage() {
    }

    static Language of(HttpHeaders headers) {
        javax.ws.rs.core.Cookie chosen = headers.getCookies().get(COOKIE);
        if (chosen != null) {
            Language language = known(chosen.getValue());
            if (language != null) {
                return language;
            }
        }
        return Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The language a tag names, or null for anything else. */
    static Language known(String tag) {
        if (tag == null) {
            return null;
        }
        for (Language language : Language.values()) {
            if (language.tag().equals(tag)) {
                return language;
            }
        }
        return null;
    }

    /** The {@code Set-Cookie} value that remembers a choice (JAX-RS 2.1 cookies cannot say SameSite). */
    static String remember(Language language) {
        return COOKIE + "=" + language.tag() + "; Path=/; Max-Age=31536000; Secure; SameSite=Lax";
    }
}
