package kz.qyzmet.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.rest.api.ApiResource;

/**
 * For load balancers and orchestrators: {@code health/live} answers while the
 * process serves HTTP at all; {@code health/ready} is 200 only when the platform
 * can serve requests (database, start-up bundles and their components), else 503
 * naming what is missing. Public, and never behind the start-up gate.
 */
@Component(service = HealthResource.class)
@ApiResource
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    static final String PATH = "health";
    private final Readiness readiness;

    @Activate
    public HealthResource(@Reference Readiness readiness) {
        this.readiness = readiness;
    }

    @GET
    @Path("live")
    public Map<String, Object> live() {
        return Map.of("status", "UP");
    }

    @GET
    @Path("ready")
    public Response ready() {
        Map<String, Object> report = readiness.report();
        return Response.status("READY".equals(report.get("status")) ? 200 : 503).header("Retry-After", "2").entity(report)
                .build();
    }
}
