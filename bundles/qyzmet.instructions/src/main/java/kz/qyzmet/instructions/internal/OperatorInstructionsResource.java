package kz.qyzmet.instructions.internal;

import java.time.Clock;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.NewInstruction;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;

/**
 * Rules §35.3: staff prepare an instruction at the client's request (by phone, at
 * the office); the client receives the code and signs it in the cabinet or the app.
 */
@Component(service = OperatorInstructionsResource.class)
@ApiResource
@Path("operator/instructions")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorInstructionsResource {
    private final Instructions instructions;
    private final Clock clock;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorInstructionsResource(@Reference Instructions instructions,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.instructions = instructions;
        this.clock = clock;
    }

    /** What the manager fills in for the client; the service checks it as if the client had (§18). */
    public record PreparedInstruction(String serviceId, String kind, String clientId, String account,
            Map<String, Object> parameters, Summary summary) {
    }

    /** The line the client's code message shows, in the three languages (dynamic linking, §25.2). */
    public record Summary(String kk, String ru, String en) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> prepare(PreparedInstruction body) {
        Requests.required(body, "body");
        Summary summary = Requests.required(body.summary(), "summary");
        NewInstruction instruction = new NewInstruction(Requests.required(body.serviceId(), "serviceId"),
                Requests.required(body.kind(), "kind"), body.account(), body.parameters(),
                LocalizedText.of(Requests.required(summary.kk(), "summary.kk"), Requests.required(summary.ru(), "summary.ru"),
                        Requests.required(summary.en(), "summary.en")));
        return InstructionViews.view(instructions.prepare(instruction, Requests.required(body.clientId(), "clientId"),
                Caller.from(request::getAttribute)), Language.RU, clock.instant());
    }
}
