package kz.qyzmet.instructions.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.QueueQuery;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;

/**
 * The back-office queue: instructions accepted for staff processing, earliest
 * deadline first, overdue ones flagged. Operators take, complete or reject them
 * (with the reason the client reads, in the three languages, §29). Only operators
 * reach {@code /api/v1/operator}.
 */
@Component(service = OperatorQueueResource.class)
@ApiResource
@Path("operator/queue")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorQueueResource {
    private final Instructions instructions;
    private final Clock clock;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorQueueResource(@Reference Instructions instructions,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.instructions = instructions;
        this.clock = clock;
    }

    public record CompleteRequest(List<String> documentIds) {
    }

    public record RejectRequest(Reason reason) {
    }

    public record Reason(String kk, String ru, String en) {
    }

    @GET
    public Map<String, Object> list(@QueryParam("service") String service, @QueryParam("status") String status,
            @QueryParam("overdue") boolean overdue, @QueryParam("limit") Integer limit) {
        InstructionStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = InstructionStatus.valueOf(status.trim());
            } catch (IllegalArgumentException e) {
                throw Requests.invalid("status", LocalizedText.of("status: ACCEPTED немесе IN_WORK.",
                        "status: ACCEPTED или IN_WORK.", "status: ACCEPTED or IN_WORK."));
            }
        }
        List<Instruction> items = instructions.queue(new QueueQuery(service, wanted, overdue, limit == null ? 100 : limit));
        return Map.of("items", items.stream().map(this::view).toList(), "overdue",
                items.stream().filter(item -> item.isOverdue(clock.instant())).count());
    }

    @POST
    @Path("{id}/take")
    public Map<String, Object> take(@PathParam("id") String id) {
        return view(instructions.take(id, caller()));
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> complete(@PathParam("id") String id, CompleteRequest body) {
        return view(instructions.complete(id, body == null ? List.of() : body.documentIds(), caller()));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> reject(@PathParam("id") String id, RejectRequest body) {
        Reason reason = body == null ? null : body.reason();
        Requests.required(reason, "reason");
        return view(instructions.reject(id, LocalizedText.of(Requests.required(reason.kk(), "reason.kk"),
                Requests.required(reason.ru(), "reason.ru"), Requests.required(reason.en(), "reason.en")), caller()));
    }

    private Map<String, Object> view(Instruction instruction) {
        return InstructionViews.view(instruction, Language.RU, clock.instant());
    }

    private Caller caller() {
        return Caller.from(request::getAttribute);
    }
}
