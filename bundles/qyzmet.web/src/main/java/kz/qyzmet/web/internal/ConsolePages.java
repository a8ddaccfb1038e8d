package kz.qyzmet.web.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.QueueQuery;
import kz.qyzmet.registry.api.RegisteredService;
import kz.qyzmet.registry.api.ServiceRegistry;

/**
 * The operator console (issue #14): the services with their states and the
 * operator's reasons in three languages (enable, disable, maintenance, rules
 * §29), and the back-office queue, earliest deadline first with the overdue
 * flagged, to take, complete or reject with a reason (§19). Staff only, after
 * password and one-time code; the changes go through the operator API, which
 * checks the role again and journals them.
 */
@Component(service = ConsolePages.class)
@WebResource
@Path("console")
@Produces(Pages.HTML)
public class ConsolePages extends PageResource {
    private final Pages pages;
    private final ServiceRegistry registry;
    private final Instructions instructions;
    private final Clock clock;
    private final ConsoleAccess access;
    private final KitForms forms;

    @Activate
    public ConsolePages(@Reference Pages pages, @Reference ServiceRegistry registry, @Reference Instructions instructions,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock, @Reference ConsoleAccess access,
            @Reference KitForms forms) {
        this.access = access;
        this.forms = forms;
        this.pages = pages;
        this.registry = registry;
        this.instructions = instructions;
        this.clock = clock;
    }

    /** A service as the console shows it, with the reason in every language (the operator edits them). */
    public record ServiceLine(String id, String title, String bundle, String version, String state, String reasonKk,
            String reasonRu, String reasonEn, String changedAt, String changedBy) {
    }

    /** A queue item. */
    public record QueueLine(String id, String number, String service, String client, String summary, String status,
            String statusText, String createdAt, String dueBy, boolean overdue, String takenBy, boolean takeable) {
    }

    @GET
    public Response services() {
        PageContext context = access.preparer(context("console"));
        List<ServiceLine> lines = registry.services().stream().sorted(Comparator.comparing(service -> service.descriptor().id()))
                .map(service -> line(service, context)).toList();
        java.util.Set<String> onKit = new java.util.HashSet<>();
        lines.forEach(line -> forms.form(line.id(), context.language()).ifPresent(form -> onKit.add(line.id())));
        // a manager prepares requests (§35.3); switching services on and off is the back office's
        return pages.page("console/services", context, Map.of("services", lines, "onKit", onKit, "manage",
                !ConsoleAccess.isManager(context)));
    }

    /** Prepare a request at a client's request (§35.3, §40): the service's form, and the client it is for. */
    @GET
    @Path("prepare/{service}")
    public Response prepare(@PathParam("service") String serviceId) {
        PageContext context = access.preparer(context("console"));
        RegisteredService service = registry.find(serviceId).orElseThrow(javax.ws.rs.NotFoundException::new);
        List<KitForms.Field> fields = forms.form(serviceId, context.language()).orElseThrow(javax.ws.rs.NotFoundException::new);
        return pages.page("console/prepare", context, Map.of("service", line(service, context), "fields", fields));
    }

    @GET
    @Path("identities")
    public Response identities() {
        return pages.page("console/identities", operator(), Map.of());
    }

    @GET
    @Path("queue")
    public Response queue() {
        PageContext context = operator();
        Map<String, String> t = pages.messages().of(context.language());
        java.time.Instant now = clock.instant();
        List<QueueLine> items = instructions.queue(new QueueQuery(null, null, false, 200)).stream()
                .map(instruction -> queueLine(instruction, context, t, now)).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("items", items);
        model.put("overdue", items.stream().filter(QueueLine::overdue).count());
        return pages.page("console/queue", context, model);
    }

    @GET
    @Path("{unknown: .+}")
    @Produces(javax.ws.rs.core.MediaType.WILDCARD) // "not found" whatever the caller accepts
    public Response unknown(@PathParam("unknown") String unknown) {
        operator();
        throw new javax.ws.rs.NotFoundException();
    }

    private static ServiceLine line(RegisteredService service, PageContext context) {
        var status = service.status();
        return new ServiceLine(service.descriptor().id(), context.text(service.descriptor().title()), service.bundle(),
                service.version(), status.state().name(), status.reason() == null ? "" : status.reason().in(kz.qyzmet.common.api.Language.KK),
                status.reason() == null ? "" : status.reason().in(kz.qyzmet.common.api.Language.RU),
                status.reason() == null ? "" : status.reason().in(kz.qyzmet.common.api.Language.EN),
                status.changedAt() == null ? "—" : context.time(status.changedAt()), status.changedBy());
    }

    private QueueLine queueLine(Instruction instruction, PageContext context, Map<String, String> t, java.time.Instant now) {
        String status = instruction.status().name();
        // staff read the service's title in their language; the id only when the service is gone
        String service = registry.find(instruction.serviceId()).map(found -> context.text(found.descriptor().title()))
                .orElse(instruction.serviceId());
        return new QueueLine(instruction.id(), instruction.number(), service, instruction.clientId(),
                context.text(instruction.summary()), status, t.getOrDefault("status." + status, status),
                context.time(instruction.createdAt()), context.time(instruction.dueBy()), instruction.isOverdue(now),
                instruction.takenBy(), instruction.takenBy() == null);
    }

    private PageContext operator() {
        return access.operator(context("console"));
    }
}
