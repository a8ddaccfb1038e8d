package kz.qyzmet.deployment.internal;

import kz.qyzmet.rest.api.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.persistence.api.Migrations;
import kz.qyzmet.persistence.api.SchemaState;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.registry.api.RegisteredService;
import kz.qyzmet.registry.api.ServiceRegistry;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * {@code /api/v1/operator/bundles}: every service bundle with its version,
 * state, services, schema and last error (an import nothing provides, a failed
 * migration, a refused signature); upload, upgrade and removal of service
 * bundles for every node; and the repair of a failed migration.
 */
@Path("operator/bundles")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorBundlesResource {
    private final BundleContext context;
    private final Deployments deployments;
    private final Migrations migrations;
    private final ServiceRegistry registry;
    private final AuditJournal audit;

    @Context
    HttpServletRequest request;

    OperatorBundlesResource(BundleContext context, Deployments deployments, Migrations migrations, ServiceRegistry registry,
            AuditJournal audit) {
        this.context = context;
        this.deployments = deployments;
        this.migrations = migrations;
        this.registry = registry;
        this.audit = audit;
    }

    /** A service of a bundle as the operator sees it. */
    public record ServiceView(String id, String state) {
    }

    /** A schema of a bundle: version reached, and the error of a failed migration. */
    public record SchemaView(String schema, String version, String status, String error, String at) {
    }

    /**
     * @param source       where it came from: {@code platform} (a feature), {@code api}, {@code directory:<file>}
     * @param state        the framework's state: ACTIVE, RESOLVED, INSTALLED, …
     * @param deployedVersion the version stored for the cluster (null for the platform's own bundles)
     * @param error        the last error: missing imports, a refused deployment, a failed migration
     */
    public record BundleView(String symbolicName, String version, String state, String source, String deployedVersion,
            String sha256, String signer, String deployedAt, String deployedBy, List<ServiceView> services,
            List<SchemaView> schemas, String error) {
    }

    public record BundleList(List<BundleView> bundles) {
    }

    @GET
    public BundleList list() {
        Map<String, BundleView> views = new TreeMap<>();
        Map<String, DeployedBundleRow> stored = new LinkedHashMap<>();
        deployments.rows().stream().filter(row -> row.removedAt == null).forEach(row -> stored.put(row.symbolicName, row));
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null) {
                continue;
            }
            boolean serviceBundle = deployments.ours(bundle) || stored.containsKey(name)
                    || bundle.getHeaders("").get(Migrations.SCHEMA_HEADER) != null || providesServices(bundle);
            if (serviceBundle) {
                views.put(name, view(name, Optional.of(bundle), stored.get(name)));
            }
        }
        // stored for the cluster but not (yet) installed here, and refused ones with their reason
        stored.forEach((name, row) -> views.computeIfAbsent(name, absent -> view(name, Optional.empty(), row)));
        deployments.refusedNames().forEach(name -> views.computeIfAbsent(name, absent -> view(name, Optional.empty(), null)));
        return new BundleList(new ArrayList<>(views.values()));
    }

    @GET
    @Path("{name}")
    public BundleView one(@PathParam("name") String name) {
        return list().bundles().stream().filter(view -> view.symbolicName().equals(name)).findFirst()
                .orElseThrow(() -> notFound(name));
    }

    /** Uploads a bundle jar: installed on every node, or upgraded in place; an older version is refused (409). */
    @PUT
    @Consumes({ "application/java-archive", "application/vnd.osgi.bundle", MediaType.APPLICATION_OCTET_STREAM })
    @Answer(status = 201, body = Uploaded.class, description = "installed")
    @Answer(status = 200, body = Uploaded.class, description = "an earlier version upgraded, or the same replaced")
    public Response upload(InputStream body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.readAllBytes();
        if (content.length == 0) {
            throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of(
                    "Сұрау денесінде бандл jar файлы болуы керек.", "В теле запроса должен быть jar-файл бандла.",
                    "The request body must be the bundle's jar."));
        }
        Deployments.Outcome outcome;
        try {
            outcome = deployments.deploy(content, "api", caller());
        } catch (DeploymentRefused refused) {
            throw refusal(refused);
        }
        return Response.status(outcome.change() == Deployments.Change.INSTALLED ? 201 : 200)
                .entity(new Uploaded(outcome.change().name(), one(outcome.symbolicName()))).build();
    }

    /** What an upload did (INSTALLED, UPGRADED, REPLACED) and the bundle as it is now. */
    public record Uploaded(String change, BundleView bundle) {
    }

    /** Removes a deployed bundle from every node; its tables and data stay where they are. */
    @DELETE
    @Path("{name}")
    @Answer(status = 204)
    public Response remove(@PathParam("name") String name) {
        if (!deployments.remove(name, caller())) {
            throw notFound(name);
        }
        return Response.noContent().build();
    }

    /** Runs the failed migrations of the bundle again, once the cause is fixed (a new version, or the database). */
    @POST
    @Path("{name}/repair")
    public BundleView repair(@PathParam("name") String name) {
        List<SchemaState> failed = migrations.ofBundle(name).stream().filter(SchemaState::failed).toList();
        if (failed.isEmpty()) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "{name} бандлінде сәтсіз көшіру жоқ.", "У бандла {name} нет неудавшейся миграции.",
                    "Bundle {name} has no failed migration.").format(Map.of("name", name)));
        }
        for (SchemaState schema : failed) {
            SchemaState after = migrations.repair(schema.schema());
            audit.record(AuditEvent.builder("deployment.schema.repaired", "bundle:" + name).by(caller())
                    .detail("schema", schema.schema()).detail("status", after.status().name())
                    .detail("version", after.version() == null ? "" : after.version())
                    .detail("error", after.error() == null ? "" : after.error()).build());
        }
        return one(name);
    }

    private BundleView view(String name, Optional<Bundle> bundle, DeployedBundleRow row) {
        List<ServiceView> services = new ArrayList<>();
        for (RegisteredService service : registry.services()) {
            if (service.bundle().equals(name)) {
                services.add(new ServiceView(service.descriptor().id(), service.status().state().name()));
            }
        }
        List<SchemaView> schemas = migrations.ofBundle(name).stream().map(schema -> new SchemaView(schema.schema(),
                schema.version(), schema.status().name(), schema.error(), schema.at().toString())).toList();
        String error = deployments.error(name).orElse(schemas.stream().filter(schema -> schema.error() != null)
                .map(schema -> "migration of " + schema.schema() + " failed: " + schema.error()).findFirst().orElse(null));
        return new BundleView(name, bundle.map(b -> b.getVersion().toString()).orElse(null),
                bundle.map(b -> state(b.getState())).orElse("NOT_INSTALLED"),
                row != null ? row.source : "platform", row == null ? null : row.version, row == null ? null : row.sha256,
                row == null ? null : row.signer, row == null ? null : row.deployedAt.toInstant(ZoneOffset.UTC).toString(),
                row == null ? null : row.deployedBy, services, schemas, error);
    }

    private static boolean providesServices(Bundle bundle) {
        org.osgi.framework.ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered == null) {
            return false;
        }
        for (org.osgi.framework.ServiceReference<?> reference : registered) {
            if (reference.getProperty(ElectronicService.ID_PROPERTY) != null) {
                return true;
            }
        }
        return false;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }

    private static ProblemException refusal(DeploymentRefused refused) {
        int status = switch (refused.code()) {
            case "older-version", "platform-bundle" -> 409;
            case "unsigned", "untrusted-signer", "bad-signature" -> 403;
            default -> 400;
        };
        return new ProblemException(status, DeploymentProblems.REFUSED, LocalizedText.of(
                "Бандл орналастырылмады: {reason}", "Бандл не развёрнут: {reason}", "The bundle was not deployed: {reason}")
                .format(Map.of("reason", refused.getMessage())), Map.of("reason", refused.code()), Map.of());
    }

    private static ProblemException notFound(String name) {
        return new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("{name} бандлі жоқ.",
                "Бандла {name} нет.", "No bundle {name}.").format(Map.of("name", name)));
    }

    private Caller caller() {
        return Caller.from(request::getAttribute);
    }
}
