package kz.qyzmet.service.sourceoffunds.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.rest.api.Answer;
import kz.qyzmet.rest.api.ApiResource;

/**
 * Staff's side (issue #15): a client's source-of-funds history
 * ({@code GET /api/v1/operator/source-of-funds?client=…}) and the evidence files
 * to review, every opening of one journalled. Approving and rejecting are the
 * back-office queue's complete and reject. Only staff reach {@code /api/v1/operator}.
 */
@Component(service = OperatorSourceOfFundsResource.class)
@ApiResource
@Path("operator/source-of-funds")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorSourceOfFundsResource {
    static final String DOWNLOAD = "/api/v1/operator/source-of-funds/evidence/";

    private final SourceOfFundsRecords records;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorSourceOfFundsResource(@Reference SourceOfFundsRecords records) {
        this.records = records;
    }

    @GET
    public SourceOfFundsViews.History history(@QueryParam("client") String client, @QueryParam("limit") Integer limit) {
        Requests.required(client == null || client.isBlank() ? null : client, "client");
        return SourceOfFundsResource.history(records, client.strip(), limit, DOWNLOAD, SourceOfFundsResource.language(request));
    }

    @GET
    @Path("evidence/{id}")
    @Produces({ "application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON })
    @Answer(status = 200, mediaType = "application/pdf", description = "the file as the client uploaded it")
    public Response evidence(@PathParam("id") String id) {
        EvidenceRow evidence = records.evidence(id).orElseThrow(SourceOfFundsResource::notFound);
        records.viewed(evidence, Caller.from(request::getAttribute));
        return SourceOfFundsResource.file(records, evidence);
    }
}
