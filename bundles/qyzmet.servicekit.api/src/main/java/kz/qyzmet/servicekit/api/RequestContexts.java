package kz.qyzmet.servicekit.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The context of the request being served, for a service's own endpoints
 * (the kit hands it to handlers itself): take this service with
 * {@code @Reference} and call {@link #current()} on the request's thread —
 * no servlet API, no request attributes.
 */
@ProviderType
public interface RequestContexts {

    /**
     * The client, session, caller (address, correlation id), language and time of
     * the request this thread serves.
     *
     * @throws IllegalStateException outside a request, or for a caller who is not a client
     *         (a public endpoint called anonymously, a staff session)
     */
    RequestContext current();
}
