package kz.qyzmet.ledger.internal;

import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
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

import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Requests;

/**
 * The second pair of eyes (maker-checker): operator postings above the
 * threshold wait here until another operator approves (the entry is posted) or
 * rejects them with a reason. The operator who asked cannot decide.
 */
@Component(service = OperatorApprovalsResource.class)
@ApiResource
@Path("operator/ledger/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorApprovalsResource {
    private final IncomingTransfers transfers;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorApprovalsResource(@Reference IncomingTransfers transfers) {
        this.transfers = transfers;
    }

    public record Decision(String reason) {
    }

    /** Requests by status (PENDING, APPROVED, REJECTED), oldest first. */
    @GET
    public Map<String, Object> list(@QueryParam("status") @DefaultValue("PENDING") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        String wanted = status.strip().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("PENDING", "APPROVED", "REJECTED").contains(wanted)) {
            throw Requests.invalid("status", kz.qyzmet.common.api.LocalizedText.of("Күйі: PENDING, APPROVED немесе REJECTED.",
                    "Состояние: PENDING, APPROVED или REJECTED.", "Status: PENDING, APPROVED or REJECTED."));
        }
        return Map.of("approvals", transfers.withStatus(wanted, Math.max(1, Math.min(limit, 500))));
    }

    @POST
    @Path("{id}/approval")
    public IncomingTransfers.Approval approve(@PathParam("id") long id) {
        try {
            return transfers.approve(id, Caller.from(request::getAttribute));
        } catch (LedgerRefusal refusal) {
            throw OperatorLedgerResource.problem(refusal);
        }
    }

    @POST
    @Path("{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncomingTransfers.Approval reject(@PathParam("id") long id, Decision decision) {
        Requests.required(decision, "reason");
        return transfers.reject(id, decision.reason(), Caller.from(request::getAttribute));
    }
}
