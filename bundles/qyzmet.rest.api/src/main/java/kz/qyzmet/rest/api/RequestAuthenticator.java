package kz.qyzmet.rest.api;

import javax.ws.rs.container.ContainerRequestContext;

import org.osgi.annotation.versioning.ConsumerType;

import kz.qyzmet.common.api.Caller;

/**
 * Names the caller of a request. The platform's one request filter calls the
 * highest-ranked authenticator for every request, after giving it a correlation
 * id and before deciding access, so the order never depends on how the JAX-RS
 * runtime sorts filters from different bundles. Without an authenticator every
 * caller is anonymous and the operator API is closed.
 */
@ConsumerType
public interface RequestAuthenticator {

    /**
     * @param request   the request, before resource matching; the authenticator may
     *                  set request properties (e.g. its session)
     * @param anonymous the caller as known so far: address, user agent, correlation id
     * @return the authenticated caller, or {@code anonymous}
     * @throws kz.qyzmet.common.api.ProblemException to refuse the request (e.g. a missing CSRF token)
     */
    Caller authenticate(ContainerRequestContext request, Caller anonymous);
}
