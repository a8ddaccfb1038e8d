package kz.qyzmet.registry.internal;

import java.util.Map;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import kz.qyzmet.registry.api.ServiceRegistry;
import kz.qyzmet.registry.api.ServiceState;
import kz.qyzmet.registry.api.ServiceStatus;
import kz.qyzmet.rest.api.Api;
import kz.qyzmet.rest.api.ApiExtension;
import kz.qyzmet.rest.api.LocalizedText;
import kz.qyzmet.rest.api.ProblemException;

/**
 * Rules §29: while a service is disabled or under maintenance, every call to
 * {@code /api/v1/services/<id>/...} answers 503 with the reason the operator
 * gave, in the client's language. Enabling it again restores the service at
 * once, without a restart.
 */
@Component(service = ContainerRequestFilter.class)
@ApiExtension
@JaxrsName("qyzmet.service-availability")
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class ServiceAvailabilityFilter implements ContainerRequestFilter {
    private final ServiceRegistry registry;

    @Activate
    public ServiceAvailabilityFilter(@Reference ServiceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String serviceId = serviceId(request.getUriInfo().getPath());
        if (serviceId == null) {
            return;
        }
        ServiceStatus status = registry.status(serviceId);
        if (status.isAvailable()) {
            return;
        }
        boolean maintenance = status.state() == ServiceState.MAINTENANCE;
        LocalizedText reason = status.reason() != null ? status.reason() : LocalizedText.of(
                "Қызмет уақытша қолжетімсіз.", "Сервис временно недоступен.", "The service is temporarily unavailable.");
        throw new ProblemException(503, maintenance ? RegistryProblems.SERVICE_MAINTENANCE : RegistryProblems.SERVICE_DISABLED,
                reason, Map.of("serviceId", serviceId, "state", status.state().name()),
                maintenance ? Map.of("Retry-After", "600") : Map.of());
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
