package kz.qyzmet.web.internal;

import java.util.HashMap;
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

import kz.qyzmet.web.api.ConsolePage;
import kz.qyzmet.web.api.ConsoleRequest;

/**
 * The console pages bundles bring ({@link ConsolePage}) at
 * {@code /console/pages/<address>}, in the console's frame and behind its
 * access (staff after their second factor); an address no bundle serves (any
 * more) is the console's 404.
 */
@Component(service = ConsoleBundlePages.class)
@WebResource
@Path("console/pages")
@Produces(Pages.HTML)
public class ConsoleBundlePages extends PageResource {
    static final String PATH = "/console/pages/";

    private final Pages pages;
    private final ConsoleAccess access;
    private final ServicePages bundlePages;

    @Activate
    public ConsoleBundlePages(@Reference Pages pages, @Reference ConsoleAccess access, @Reference ServicePages bundlePages) {
        this.pages = pages;
        this.access = access;
        this.bundlePages = bundlePages;
    }

    @GET
    @Path("{page}")
    public Response page(@PathParam("page") String address) {
        PageContext context = access.operator(context("console"));
        ConsolePage page = bundlePages.consolePage(address).orElseThrow(NotFoundException::new);
        Map<String, String> query = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        Map<String, Object> model = page.model(new ConsoleRequest(context.language(), context.session().identityId(), query));
        return pages.page("console/bundle-page", context, Map.of("title", page.title().in(context.language()), "ownPage",
                ServicePages.consoleTemplateName(address, page), "model", model, "address", address));
    }
}
