package kz.qyzmet.servicekit.api;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;

/**
 * Who asks and when, without the servlet API: what a handler needs to check and
 * complete a request.
 */
@ProviderType
public interface RequestContext {

    /** The client the request is for. */
    String clientId();

    /** The client's own session; empty when a manager prepares the request for the client (§35.3). */
    Optional<Session> session();

    /** Who is calling, with address and correlation id (they reach the audit records). */
    Caller caller();

    /** The language the caller reads (Accept-Language, else the session's). */
    Language language();

    /** Now, by the platform's clock (tests move it). */
    Instant now();

    /** The language a document is to be in: the one asked for, else {@link #language()}; 400 naming {@code field}. */
    Language documentLanguage(String field, String requested);
}
