package kz.qyzmet.registry.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Migrations;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.persistence.api.SchemaState;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.registry.api.RegisteredService;
import kz.qyzmet.registry.api.ServiceDescriptor;
import kz.qyzmet.registry.api.ServiceRegistry;
import kz.qyzmet.registry.api.ServiceState;
import kz.qyzmet.registry.api.ServiceStatus;
import kz.qyzmet.registry.api.StateChange;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * Whiteboard registry: every OSGi service carrying {@value ElectronicService#ID_PROPERTY}
 * is an electronic service, listed while its bundle runs. States live in the
 * database, which all nodes share; each node re-reads them every poll interval
 * and at once after its own change.
 */
@Component(service = ServiceRegistry.class, configurationPid = ServiceRegistryImpl.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RegistryConfiguration.class)
public class ServiceRegistryImpl implements ServiceRegistry {
    static final String PID = "kz.qyzmet.registry";
    static final int REASON_MAX_LENGTH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistryImpl.class);

    private final Database database;
    private final AuditJournal audit;
    private final Clock clock;
    private final Migrations migrations;
    private final ServiceTracker<Object, Installed> tracker;
    private final ScheduledExecutorService poller;
    private final Map<ServiceReference<Object>, Installed> installed = new ConcurrentHashMap<>();
    private volatile Map<String, ServiceStatus> states = Map.of();

    /** One registration of a service: what it declared and the bundle that registered it. */
    record Installed(long serviceId, ServiceDescriptor descriptor, String bundle, String version) {
    }

    @Activate
    public ServiceRegistryImpl(@Reference Persistence persistence, @Reference Migrations migrations,
            @Reference AuditJournal audit, @Reference Clock clock, BundleContext context, RegistryConfiguration configuration)
            throws InvalidSyntaxException {
        this.migrations = migrations;
        this.database = persistence.open(context.getBundle(), "registry", StateMapper.class);
        this.audit = audit;
        this.clock = clock;
        refreshStates();
        this.tracker = new ServiceTracker<>(context, context.createFilter("(" + ElectronicService.ID_PROPERTY + "=*)"),
                new ServiceTrackerCustomizer<>() {
                    @Override
                    public Installed addingService(ServiceReference<Object> reference) {
                        Installed service = describe(reference);
                        if (service != null) {
                            installed.put(reference, service);
                            LOG.info("electronic service '{}' installed from {} {}", service.descriptor().id(),
                                    service.bundle(), service.version());
                            journal("registry.service.installed", service);
                        }
                        return service;
                    }

                    @Override
                    public void modifiedService(ServiceReference<Object> reference, Installed previous) {
                        Installed service = describe(reference);
                        if (service != null) {
                            installed.put(reference, service);
                        }
                    }

                    @Override
                    public void removedService(ServiceReference<Object> reference, Installed service) {
                        installed.remove(reference);
                        LOG.info("electronic service '{}' from {} removed", service.descriptor().id(), service.bundle());
                        journal("registry.service.removed", service);
                    }
                });
        this.tracker.open(true);
        long poll = Math.max(100, configuration.poll_ms());
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qyzmet-registry-states");
            thread.setDaemon(true);
            return thread;
        });
        this.poller.scheduleWithFixedDelay(this::refreshQuietly, poll, poll, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void close() {
        poller.shutdownNow();
        tracker.close();
    }

    /** A service coming or going changes what clients can do: journal it, without failing the framework's event. */
    private void journal(String type, Installed service) {
        try {
            audit.record(AuditEvent.builder(type, "service:" + service.descriptor().id())
                    .detail("bundle", service.bundle())
                    .detail("version", service.version())
                    .build());
        } catch (RuntimeException e) {
            LOG.error("cannot journal {} of service '{}'", type, service.descriptor().id(), e);
        }
    }

    static Installed describe(ServiceReference<?> reference) {
        try {
            ServiceDescriptor descriptor = ServiceDescriptors.from(reference::getProperty);
            return new Installed((Long) reference.getProperty("service.id"), descriptor,
                    reference.getBundle().getSymbolicName(), reference.getBundle().getVersion().toString());
        } catch (IllegalArgumentException invalid) {
            LOG.error("ignoring electronic service registered by {}: {}", reference.getBundle(), invalid.getMessage());
            return null;
        }
    }

    private void refreshQuietly() {
        try {
            refreshStates();
        } catch (RuntimeException e) {
            // the database may be briefly away; keep the last known states and try again next poll
            LOG.warn("cannot refresh service states: {}", e.getMessage());
        }
    }

    void refreshStates() {
        List<StateRow> rows = database.read(session -> session.getMapper(StateMapper.class).all());
        Map<String, ServiceStatus> fresh = new HashMap<>();
        for (StateRow row : rows) {
            fresh.put(row.serviceId, toStatus(row));
        }
        states = Map.copyOf(fresh);
    }

    private static ServiceStatus toStatus(StateRow row) {
        LocalizedText reason = row.reasonKk == null ? null : LocalizedText.of(row.reasonKk, row.reasonRu, row.reasonEn);
        return new ServiceStatus(ServiceState.valueOf(row.state), reason, row.changedAt.toInstant(ZoneOffset.UTC),
                row.changedBy);
    }

    @Override
    public List<RegisteredService> services() {
        // several components may make up one service: the earliest registration speaks for it
        Map<String, Installed> byId = new TreeMap<>();
        installed.values().stream().sorted(Comparator.comparingLong(Installed::serviceId))
                .forEach(service -> byId.putIfAbsent(service.descriptor().id(), service));
        List<RegisteredService> services = new ArrayList<>();
        byId.values().forEach(service -> services.add(new RegisteredService(service.descriptor(), service.bundle(),
                service.version(), status(service.descriptor().id()))));
        return services;
    }

    @Override
    public Optional<RegisteredService> find(String id) {
        return services().stream().filter(service -> service.descriptor().id().equals(id)).findFirst();
    }

    @Override
    public ServiceStatus status(String id) {
        ServiceStatus set = states.getOrDefault(id, ServiceStatus.INITIAL);
        // a failed migration of the service's bundle outweighs what an operator set: it cannot work either way
        for (Installed service : installed.values()) {
            if (service.descriptor().id().equals(id)) {
                for (SchemaState schema : migrations.ofBundle(service.bundle())) {
                    if (schema.failed()) {
                        return new ServiceStatus(ServiceState.FAILED, FAILED_REASON, schema.at(), "platform");
                    }
                }
            }
        }
        return set;
    }

    /** What clients read while the service's data cannot be used; operators see the error itself. */
    static final LocalizedText FAILED_REASON = LocalizedText.of(
            "Қызмет уақытша қолжетімсіз: оның деректерін жаңарту сәтсіз аяқталды, операторлар хабардар.",
            "Сервис временно недоступен: обновление его данных не удалось, операторы уведомлены.",
            "The service is temporarily unavailable: updating its data failed, and operators have been told.");

    @Override
    public RegisteredService changeState(String id, StateChange change, Caller operator) {
        RegisteredService service = find(id).orElseThrow(() -> new ProblemException(404, RegistryProblems.UNKNOWN_SERVICE,
                LocalizedText.of("«{id}» қызметі орнатылмаған.", "Сервис «{id}» не установлен.",
                        "Service '{id}' is not installed.").format(Map.of("id", id))));
        if (change.state() == null) {
            throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of(
                    "Жаңа күйді көрсетіңіз: ENABLED, DISABLED немесе MAINTENANCE.",
                    "Укажите новое состояние: ENABLED, DISABLED или MAINTENANCE.",
                    "Give the new state: ENABLED, DISABLED or MAINTENANCE."), Map.of("field", "state"), Map.of());
        }
        if (change.state() == ServiceState.FAILED) {
            throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of(
                    "FAILED күйін платформа өзі қояды; оны жөндеу әрекеті алып тастайды.",
                    "Состояние FAILED ставит сама платформа; его снимает действие восстановления.",
                    "FAILED is set by the platform itself; the repair action clears it."), Map.of("field", "state"), Map.of());
        }
        LocalizedText reason = change.state() == ServiceState.ENABLED ? null : requireReason(change.reason());
        ServiceStatus before = service.status();
        StateRow row = new StateRow();
        row.serviceId = id;
        row.state = change.state().name();
        row.reasonKk = reason == null ? null : reason.kk();
        row.reasonRu = reason == null ? null : reason.ru();
        row.reasonEn = reason == null ? null : reason.en();
        row.changedAt = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        row.changedBy = operator.identity();
        database.inTransaction(session -> {
            session.getMapper(StateMapper.class).upsert(row);
            // journalled before commit: a change that cannot be audited does not happen
            audit.record(AuditEvent.builder("registry.service.state-changed", "service:" + id)
                    .by(operator)
                    .detail("from", before.state())
                    .detail("to", change.state())
                    .detail("reason.en", reason == null ? "" : reason.en())
                    .change(before, new ServiceStatus(change.state(), reason, null, operator.identity()))
                    .build());
            return null;
        });
        refreshStates();
        return find(id).orElseThrow();
    }

    /** Rules §29: a client refused because a service is off is told why, in their language; so all three are required. */
    static LocalizedText requireReason(LocalizedText reason) {
        List<String> missing = new ArrayList<>();
        if (reason == null || reason.kk() == null || reason.kk().isBlank()) {
            missing.add("reason.kk");
        }
        if (reason == null || reason.ru() == null || reason.ru().isBlank()) {
            missing.add("reason.ru");
        }
        if (reason == null || reason.en() == null || reason.en().isBlank()) {
            missing.add("reason.en");
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of(
                    "Клиенттерге себебін үш тілде көрсетіңіз (жетіспейді: {fields}).",
                    "Укажите причину для клиентов на трёх языках (не хватает: {fields}).",
                    "Give the reason for clients in all three languages (missing: {fields}).")
                    .format(Map.of("fields", String.join(", ", missing))), Map.of("fields", missing), Map.of());
        }
        for (String text : List.of(reason.kk(), reason.ru(), reason.en())) {
            if (text.length() > REASON_MAX_LENGTH) {
                throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of(
                        "Себеп {max} таңбадан аспауы керек.", "Причина не длиннее {max} символов.",
                        "The reason must not exceed {max} characters.").format(Map.of("max", REASON_MAX_LENGTH)));
            }
        }
        return LocalizedText.of(reason.kk().strip(), reason.ru().strip(), reason.en().strip());
    }
}
