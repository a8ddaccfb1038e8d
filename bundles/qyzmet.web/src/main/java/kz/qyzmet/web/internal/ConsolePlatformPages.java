package kz.qyzmet.web.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import kz.qyzmet.provisioning.api.FeatureProvisioner;
import kz.qyzmet.provisioning.api.FeatureState;

/**
 * The platform in the console: its features (install or remove one while the
 * platform runs) and the deployed service bundles with their health (state,
 * services, migrations, the error that stops one), which the page reads from the
 * operator API. Features exist where the launcher provides them; elsewhere the
 * page says so.
 */
@Component(service = ConsolePlatformPages.class)
@WebResource
@Path("console/platform")
@Produces(Pages.HTML)
public class ConsolePlatformPages extends PageResource {
    private final Pages pages;
    private final ConsoleAccess access;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FeatureProvisioner features;

    @Activate
    public ConsolePlatformPages(@Reference Pages pages, @Reference ConsoleAccess access) {
        this.pages = pages;
        this.access = access;
    }

    @GET
    public Response platform() {
        PageContext context = access.operator(context("console"));
        FeatureProvisioner provisioner = features;
        List<FeatureState> list = provisioner == null ? List.of() : provisioner.features();
        return pages.page("console/platform", context, Map.of("features", list, "provisioning", provisioner != null));
    }
}
