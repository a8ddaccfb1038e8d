package kz.qyzmet.web.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;


/**
 * The root (it leads to the cabinet) and the public document verification page,
 * where the QR code of every document leads (issue #13, #14): whether the
 * document exists, what it is and its key figures, and a form that checks a
 * file byte for byte and its signature. It shows no more than the API's public
 * lookup does, and is limited per address the same way (its script asks the
 * API).
 */
@Component(service = PublicPages.class)
@WebResource
@Path("")
@Produces(Pages.HTML)
public class PublicPages extends PageResource {
    private final Pages pages;

    @Activate
    public PublicPages(@Reference Pages pages) {
        this.pages = pages;
    }

    @GET
    public Response root() {
        throw CabinetPages.redirect("/cabinet");
    }

    @GET
    @Path("verify")
    public Response verify() {
        return pages.page("verify", context("public"), Map.of());
    }

    /**
     * The page a document's QR code opens. The page's script asks the API's public lookup for the token, so
     * the lookup is limited per address and counted exactly as the API's is.
     */
    @GET
    @Path("verify/{token: [A-Za-z0-9_-]{1,64}}")
    public Response verify(@PathParam("token") String token) {
        return pages.page("verify", context("public"), Map.of("token", token));
    }

    /** Any address outside the areas: the platform's own "not found" page. */
    @GET
    @Path("{unknown: .+}")
    @Produces(javax.ws.rs.core.MediaType.WILDCARD) // "not found" whatever the caller accepts
    public Response unknown() {
        throw new javax.ws.rs.NotFoundException();
    }
}
