package kz.qyzmet.registry.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.registry.api.RegisteredService;
import kz.qyzmet.registry.api.ServiceRegistry;
import kz.qyzmet.registry.api.ServiceState;
import kz.qyzmet.registry.api.StateChange;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * Operators list installed services (bundle, version, state) and switch them
 * on, off or into maintenance at runtime. Only operators get here: the
 * platform's caller filter guards {@code /api/v1/operator}.
 */
@Component(service = OperatorServicesResource.class)
@ApiResource
@Path("operator/services")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorServicesResource {
    private final ServiceRegistry registry;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorServicesResource(@Reference ServiceRegistry registry) {
        this.registry = registry;
    }

    /** Body of {@code PUT .../state}: {@code {"state": "DISABLED", "reason": {"kk": …, "ru": …, "en": …}}}. */
    public record StateChangeRequest(ServiceState state, Reason reason) {
    }

    /** A reason in the three languages; checked by the registry so that every gap is named. */
    public record Reason(String kk, String ru, String en) {
    }

    @GET
    public Map<String, Object> list() {
        return Map.of("services", registry.services().stream().map(OperatorServicesResource::view).toList());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> one(@PathParam("id") String id) {
        return registry.find(id).map(OperatorServicesResource::view).orElseThrow(() -> unknown(id));
    }

    @PUT
    @Path("{id}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> changeState(@PathParam("id") String id, StateChangeRequest body) {
        if (body == null) {
            throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of(
                    "Сұрау денесі бос: {\"state\": …, \"reason\": …} жіберіңіз.",
                    "Пустое тело запроса: отправьте {\"state\": …, \"reason\": …}.",
                    "Empty request body: send {\"state\": …, \"reason\": …}."));
        }
        LocalizedText reason = body.reason() == null ? null
                : new LocalizedText(nonNull(body.reason().kk()), nonNull(body.reason().ru()), nonNull(body.reason().en()));
        return view(registry.changeState(id, new StateChange(body.state(), reason), Caller.from(request::getAttribute)));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(404, RegistryProblems.UNKNOWN_SERVICE, LocalizedText.of(
                "«{id}» қызметі орнатылмаған.", "Сервис «{id}» не установлен.", "Service '{id}' is not installed.")
                .format(Map.of("id", id)));
    }

    static Map<String, Object> view(RegisteredService service) {
        Map<String, Object> view = new LinkedHashMap<>(CatalogResource.entry(service));
        view.put("bundle", service.bundle());
        view.put("changedAt", service.status().changedAt());
        view.put("changedBy", service.status().changedBy());
        return view;
    }

}
