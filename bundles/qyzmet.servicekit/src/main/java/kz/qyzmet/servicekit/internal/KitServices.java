package kz.qyzmet.servicekit.internal;

import java.time.Instant;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.instructions.api.InstructionHandler;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * The services on the kit right now, by id. Each one's handler is also
 * registered as the {@link InstructionHandler} of its service, so that the
 * instructions core carries out what its clients confirm; when the handler
 * goes (its bundle stopped or removed), so does that registration.
 */
final class KitServices {
    private static final Logger LOG = LoggerFactory.getLogger(KitServices.class);

    private record Entry(KitService<?> service, ServiceRegistration<InstructionHandler> registration) {
    }

    private final BundleContext context;
    private final Supplier<Instant> clock;
    private final Map<ServiceHandler<?>, Entry> byHandler = new ConcurrentHashMap<>();
    private final Map<String, KitService<?>> byId = new ConcurrentHashMap<>();

    KitServices(BundleContext context, Supplier<Instant> clock) {
        this.context = context;
        this.clock = clock;
    }

    void add(ServiceHandler<?> handler, Map<String, Object> properties) {
        Object id = properties.get(ElectronicService.ID_PROPERTY);
        if (!(id instanceof String serviceId) || serviceId.isBlank()) {
            LOG.warn("A service handler {} has no {} property (@ElectronicService): it is not served",
                    handler.getClass().getName(), ElectronicService.ID_PROPERTY);
            return;
        }
        KitService<?> service = service(serviceId, handler);
        Hashtable<String, Object> adapter = new Hashtable<>();
        adapter.put(InstructionHandler.SERVICE_PROPERTY, serviceId);
        ServiceRegistration<InstructionHandler> registration = context.registerService(InstructionHandler.class, service,
                adapter);
        byHandler.put(handler, new Entry(service, registration));
        byId.put(serviceId, service);
    }

    private <R extends Record> KitService<R> service(String id, ServiceHandler<R> handler) {
        return new KitService<>(id, handler, clock);
    }

    void remove(ServiceHandler<?> handler) {
        Entry entry = byHandler.remove(handler);
        if (entry == null) {
            return;
        }
        byId.remove(entry.service().id(), entry.service());
        try {
            entry.registration().unregister();
        } catch (IllegalStateException alreadyGone) {
            // the kit's bundle is stopping: the framework unregistered it already
        }
    }

    Optional<KitService<?>> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    void close() {
        byHandler.keySet().forEach(this::remove);
    }
}
