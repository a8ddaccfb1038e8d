package kz.qyzmet.rest.api;

import javax.ws.rs.container.ContainerRequestContext;

import org.osgi.annotation.versioning.ConsumerType;

import kz.qyzmet.common.api.Caller;

/**
 * Decides whether an authenticated caller may make a request at all, before
 * the resource runs and before anything is written: e.g. the registry's check
 * that a service is enabled and that the session meets the service's declared
 * assurance. The platform's one request filter calls every guard, highest
 * service ranking first, right after the {@link RequestAuthenticator} named the
 * caller, so the order never depends on how the JAX-RS runtime sorts filters
 * from different bundles.
 */
@ConsumerType
public interface RequestGuard {

    /**
     * @param request the request, before resource matching, with the authenticator's properties (e.g. its session)
     * @param caller  the caller the authenticator named
     * @throws kz.qyzmet.common.api.ProblemException to refuse the request
     */
    void check(ContainerRequestContext request, Caller caller);
}
