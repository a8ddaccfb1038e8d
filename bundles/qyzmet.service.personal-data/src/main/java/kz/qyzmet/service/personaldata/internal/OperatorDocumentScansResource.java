package kz.qyzmet.service.personaldata.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.Caller;
import kz.qyzmet.rest.api.Answer;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.uploads.api.Upload;
import kz.qyzmet.uploads.api.Uploads;

/**
 * {@code GET /api/v1/operator/personal-data/scans/<id>}: staff reviewing a change
 * open the scan it names; each opening is journalled by the uploads store. Only
 * operators reach {@code /api/v1/operator}.
 */
@Component(service = OperatorDocumentScansResource.class)
@ApiResource
@Path("operator/personal-data/scans")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorDocumentScansResource {
    private final Uploads uploads;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorDocumentScansResource(@Reference Uploads uploads) {
        this.uploads = uploads;
    }

    @GET
    @Path("{id}")
    @Produces({ "application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON })
    @Answer(status = 200, mediaType = "application/pdf", description = "the scan as uploaded (410 once its retention ended)")
    public Response open(@PathParam("id") String id) {
        Upload upload = uploads.find(id).filter(found -> Uploads.IDENTITY_DOCUMENT.equals(found.purpose()))
                .orElseThrow(DocumentScansResource::notFound);
        return DocumentScansResource.file(uploads, upload, Caller.from(request::getAttribute));
    }
}
