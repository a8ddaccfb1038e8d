package kz.qyzmet.provisioning.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;


import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.provisioning.api.FeatureProvisioner;
import kz.qyzmet.provisioning.api.FeatureState;
import kz.qyzmet.provisioning.api.ProvisioningException;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.ProblemType;

/**
 * {@code /api/v1/operator/features}: operators see every feature, and install or
 * remove a whole feature (a service with what it needs) while the platform runs.
 * Both are audited, failed attempts too.
 */
@Path("operator/features")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorFeaturesResource {
    static final ProblemType UNKNOWN_FEATURE = new ProblemType("unknown-feature", LocalizedText.of(
            "Мұндай мүмкіндік жоқ", "Такой функции нет", "No such feature"));
    static final ProblemType FEATURE_CONFLICT = new ProblemType("feature-conflict", LocalizedText.of(
            "Мүмкіндікті өзгерту мүмкін емес", "Функцию нельзя изменить", "The feature cannot be changed"));
    static final ProblemType FEATURE_FAILED = new ProblemType("feature-failed", LocalizedText.of(
            "Мүмкіндік орнатылмады", "Функция не установлена", "The feature was not installed"));

    private final FeatureProvisioner provisioner;
    private final AuditJournal audit;
    private final ClusterFeatures cluster;

    @Context
    HttpServletRequest request;

    OperatorFeaturesResource(FeatureProvisioner provisioner, AuditJournal audit, ClusterFeatures cluster) {
        this.provisioner = provisioner;
        this.audit = audit;
        this.cluster = cluster;
    }

    @GET
    public Map<String, Object> list() {
        return Map.of("features", provisioner.features().stream().map(OperatorFeaturesResource::view).toList());
    }

    @PUT
    @Path("{name}")
    public Map<String, Object> install(@PathParam("name") String name) {
        return view(change("provisioning.feature.installed", name, () -> provisioner.install(name)));
    }

    @DELETE
    @Path("{name}")
    public Map<String, Object> remove(@PathParam("name") String name) {
        return view(change("provisioning.feature.removed", name, () -> provisioner.uninstall(name)));
    }

    private FeatureState change(String event, String name, java.util.function.Supplier<FeatureState> action) {
        Caller caller = Caller.from(request::getAttribute);
        AuditEvent.Builder record = AuditEvent.builder(event, "feature:" + name)
                .by(caller);
        try {
            return cluster.exclusively(() -> {
                FeatureState state = action.get();
                // every node follows: the change is stored with its record
                cluster.changed(name, event.endsWith(".installed"), record.detail("outcome", "done")
                        .detail("bundles", state.bundles().size()).build(), caller);
                return state;
            });
        } catch (ProvisioningException refused) {
            audit.record(record.detail("outcome", "refused").detail("reason", refused.reason()).build());
            throw problem(refused);
        }
    }

    static ProblemException problem(ProvisioningException refused) {
        Map<String, Object> extensions = Map.of("feature", refused.feature(), "reason", refused.reason().name());
        return switch (refused.reason()) {
        case UNKNOWN_FEATURE -> new ProblemException(404, UNKNOWN_FEATURE, LocalizedText.of(
                "«{name}» мүмкіндігі жоқ.", "Функции «{name}» нет.", "There is no feature '{name}'.")
                .format(Map.of("name", refused.feature())), extensions, Map.of());
        case STARTUP_FEATURE -> new ProblemException(409, FEATURE_CONFLICT, LocalizedText.of(
                "«{name}» платформаның негізгі құрамында, оны жұмыс кезінде алып тастауға болмайды.",
                "«{name}» входит в базовый состав платформы и не удаляется во время работы.",
                "'{name}' is part of the platform's start-up features and cannot be removed while it runs.")
                .format(Map.of("name", refused.feature())), extensions, Map.of());
        case NOT_INSTALLED -> new ProblemException(409, FEATURE_CONFLICT, LocalizedText.of(
                "«{name}» мүмкіндігі орнатылмаған.", "Функция «{name}» не установлена.",
                "Feature '{name}' is not installed.").format(Map.of("name", refused.feature())), extensions, Map.of());
        case BUNDLE_FAILED -> new ProblemException(422, FEATURE_FAILED, LocalizedText.of(
                "«{name}» орнатылмады, ештеңе өзгерген жоқ: {cause}",
                "«{name}» не установлена, ничего не изменено: {cause}",
                "'{name}' was not installed, nothing changed: {cause}")
                .format(Map.of("name", refused.feature(), "cause", refused.getMessage())), extensions, Map.of());
        };
    }

    static Map<String, Object> view(FeatureState state) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", state.name());
        view.put("title", state.title());
        view.put("description", state.description());
        view.put("running", state.running());
        view.put("origin", state.origin());
        view.put("bundles", state.bundles());
        return view;
    }
}
