package kz.qyzmet.rest.internal;

import kz.qyzmet.rest.api.Answer;

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
    public Liveness live() {
        return new Liveness("UP");
    }

    /** The process answers: UP. */
    public record Liveness(String status) {
    }

    @GET
    @Path("ready")
    @Answer(status = 200, body = Readiness.Report.class, description = "ready")
    @Answer(status = 503, body = Readiness.Report.class, description = "not ready: what is missing (with Retry-After)")
    public Response ready() {
        Readiness.Report report = readiness.report();
        return Response.status("READY".equals(report.status()) ? 200 : 503).header("Retry-After", "2").entity(report)
                .build();
    }
}
