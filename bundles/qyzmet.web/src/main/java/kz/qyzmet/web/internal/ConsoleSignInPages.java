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

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.SessionStage;

/** Staff sign in to the console with a password and then a one-time code (rules §20); a new password when reset. */
@Component(service = ConsoleSignInPages.class)
@WebResource
@Path("console/{page: login|second-factor|password}")
@Produces(Pages.HTML)
public class ConsoleSignInPages extends PageResource {
    private final Pages pages;

    @Activate
    public ConsoleSignInPages(@Reference Pages pages) {
        this.pages = pages;
    }

    @GET
    public Response page(@PathParam("page") String page) {
        PageContext context = context("console");
        Session session = context.session();
        if (page.equals("login") && session != null && session.stage() != SessionStage.SECOND_FACTOR && session.clientId() == null) {
            throw CabinetPages.redirect("/console");
        }
        if (!page.equals("login") && session == null) {
            throw CabinetPages.redirect("/console/login");
        }
        return pages.page(page.equals("login") ? "console/login" : "cabinet/" + page, context, Map.of());
    }
}
