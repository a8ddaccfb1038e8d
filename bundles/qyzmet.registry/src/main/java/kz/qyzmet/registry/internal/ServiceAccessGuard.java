package kz.qyzmet.registry.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.SessionProblems;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.RegisteredService;
import kz.qyzmet.registry.api.ServiceRegistry;
import kz.qyzmet.registry.api.ServiceState;
import kz.qyzmet.registry.api.ServiceStatus;
import kz.qyzmet.rest.api.Api;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.rest.api.RequestGuard;

/**
 * Every call to {@code /api/v1/services/<id>/...}, before the service's code
 * runs and before anything is written:
 * <ol>
 * <li>rules §29: while the service is not enabled, 503 with the reason the
 * operator gave, in the client's language (one problem type, its {@code state}
 * saying which); enabling it again restores it at once;</li>
 * <li>rules §21, §25: the assurance the service declared, for every path and
 * method of the service, its own extra endpoints included — a service cannot
 * become public by forgetting a check. {@code LOGIN}: a client's session;
 * {@code SECURITY_SESSION}: a client's security session; {@code
 * OPERATION_CONFIRMATION}: a client's session to read, a security session for
 * anything else (the instruction then also needs its code).</li>
 * </ol>
 * The platform's request filter asks it right after authentication, which has
 * put the session on the request.
 */
@Component(service = RequestGuard.class)
public class ServiceAccessGuard implements RequestGuard {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ServiceRegistry registry;

    @Activate
    public ServiceAccessGuard(@Reference ServiceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void check(ContainerRequestContext request, Caller caller) {
        String serviceId = serviceId(request.getUriInfo().getPath());
        if (serviceId == null) {
            return;
        }
        ServiceStatus status = registry.status(serviceId);
        if (!status.isAvailable()) {
            throw unavailable(serviceId, status);
        }
        Optional<RegisteredService> service = registry.find(serviceId);
        if (service.isPresent()) {
            require(service.get().descriptor().assurance(), Session.from(request::getProperty), request.getMethod());
        }
    }

    static ProblemException unavailable(String serviceId, ServiceStatus status) {
        boolean maintenance = status.state() == ServiceState.MAINTENANCE;
        LocalizedText reason = status.reason() != null ? status.reason() : LocalizedText.of(
                "Қызмет уақытша қолжетімсіз.", "Сервис временно недоступен.", "The service is temporarily unavailable.");
        return new ProblemException(503, RegistryProblems.SERVICE_UNAVAILABLE, reason,
                Map.of("serviceId", serviceId, "state", status.state().name()),
                maintenance ? Map.of("Retry-After", "600") : Map.of());
    }

    /** Refuses a call the session does not allow under the declared assurance; nothing when it does. */
    static void require(Assurance assurance, Session session, String method) {
        if (assurance == Assurance.PUBLIC) {
            return;
        }
        if (session == null) {
            throw SessionProblems.loginRequired();
        }
        if (session.clientId() == null) {
            throw SessionProblems.clientsOnly();
        }
        boolean needsSecurity = assurance == Assurance.SECURITY_SESSION
                || assurance == Assurance.OPERATION_CONFIRMATION && !SAFE_METHODS.contains(method);
        if (needsSecurity && !session.isSecurity()) {
            throw SessionProblems.securitySessionRequired();
        }
    }

    /** The service id of a path {@code services/<id>/...} relative to {@code /api/v1}, else null. */
    static String serviceId(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String prefix = Api.SERVICES_PATH + "/";
        if (!relative.startsWith(prefix)) {
            return null;
        }
        String rest = relative.substring(prefix.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return id.isEmpty() ? null : id;
    }
}
