package kz.qyzmet.web.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.SessionStage;

/**
 * The pages around signing in (rules §20, §22, §25.1, §35.2, §38): sign in with a
 * password or with a code by SMS, the second factor, a new password, recovery,
 * activation with the code the broker gave, and the security session (the QR
 * code the mobile app approves, or a code). The forms post to the API
 * ({@code /api/v1/auth/...}) from the page's script; every refusal the API gives
 * (wrong password, locked until when, address blocked) is shown as it says it.
 * In dev and demo mode, {@code /cabinet/app} stands in for the mobile app.
 */
@Component(service = SignInPages.class)
@WebResource
@Path("cabinet/{page: login|second-factor|password|recovery|activation|security|app}")
@Produces(Pages.HTML)
public class SignInPages extends PageResource {
    private final Pages pages;
    private final CabinetMenu menu;

    @Activate
    public SignInPages(@Reference Pages pages, @Reference CabinetMenu menu) {
        this.pages = pages;
        this.menu = menu;
    }

    @GET
    public Response page(@PathParam("page") String page) {
        PageContext context = context("cabinet");
        Session session = context.session();
        switch (page) {
        case "login", "recovery", "activation" -> {
            if (session != null && session.stage() != SessionStage.SECOND_FACTOR && session.clientId() != null) {
                throw CabinetPages.redirect("/cabinet");
            }
        }
        case "second-factor" -> {
            if (session == null) {
                throw CabinetPages.redirect("/cabinet/login");
            }
        }
        case "password", "security" -> {
            if (session == null) {
                throw CabinetPages.redirect("/cabinet/login");
            }
            if (session.stage() == SessionStage.SECOND_FACTOR) {
                throw CabinetPages.redirect("/cabinet/second-factor");
            }
            if (session.clientId() != null && !session.passwordChangeRequired()) {
                context = context.withMenu(menu.items(context, pages.messages().of(context.language())));
            }
        }
        case "app" -> {
            if (!context.devMode()) {
                throw new NotFoundException();
            }
        }
        default -> throw new NotFoundException();
        }
        return pages.page("cabinet/" + page, context, Map.of());
    }
}
