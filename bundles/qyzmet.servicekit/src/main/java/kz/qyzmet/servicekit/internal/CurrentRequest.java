package kz.qyzmet.servicekit.internal;

import java.time.Clock;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.rest.api.ApiExtension;
import kz.qyzmet.rest.api.RequestGuard;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.RequestContexts;

/**
 * Keeps the context of the request a thread serves: set for every request by
 * the platform's request filter right after authentication (as a
 * {@link RequestGuard}, so that the session is known), cleared when the answer
 * leaves. A service's own endpoints read it through {@link RequestContexts}.
 */
@Component(service = { RequestContexts.class, RequestGuard.class, ContainerResponseFilter.class })
@ApiExtension
@JaxrsName("qyzmet.servicekit.current-request")
public class CurrentRequest implements RequestContexts, RequestGuard, ContainerResponseFilter {
    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    private final Clock clock;

    @Activate
    public CurrentRequest(@Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.clock = clock;
    }

    @Override
    public void check(ContainerRequestContext request, Caller caller) {
        Session session = Session.from(request::getProperty);
        Language language = Language.fromAcceptLanguage(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        CURRENT.set(session == null || session.clientId() == null ? null
                : KitRequestContext.of(session, caller, language, clock.instant()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CURRENT.remove();
    }

    @Override
    public RequestContext current() {
        RequestContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("no client's request is being served on this thread");
        }
        return context;
    }
}
