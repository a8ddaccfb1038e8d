package kz.qyzmet.openapi.internal;

import kz.qyzmet.rest.api.Answer;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.rest.api.ApiResource;

/** {@code GET /api/v1/openapi.json}: open to anyone, like the catalog — it describes, it reveals no data. */
@Component(service = OpenApiResource.class)
@ApiResource
@Path("openapi.json")
public class OpenApiResource {
    private final OpenApiDocument document;

    @Activate
    public OpenApiResource(@Reference OpenApiDocument document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Answer(status = 200, body = Object.class, description = "this document (OpenAPI 3)")
    public Response openApi() {
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true); // bundles come and go: always revalidate
        return Response.ok(document.json()).cacheControl(noCache).build();
    }
}
