package kz.qyzmet.openapi.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.rest.api.Api;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * The OpenAPI document of the resources that have joined the platform's
 * application right now. It follows the whiteboard: every service registered
 * with {@code osgi.jaxrs.resource=true} and the platform's application select
 * is read, whichever bundle registered it and however (DS or by hand), so a
 * service bundle installed or removed at runtime appears in or leaves the
 * document at once. The JSON is generated on first demand after a change and
 * kept until the next change.
 */
@SuppressWarnings("rawtypes")
@Component(service = OpenApiDocument.class)
public class OpenApiDocument {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocument.class);

    private final Map<ServiceReference<Object>, Class<?>> resources = new ConcurrentHashMap<>();
    private final Map<ServiceReference<ServiceHandler>, Map.Entry<String, Class<?>>> kitServices = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, Class<?>> tracker;
    private final ServiceTracker<ServiceHandler, Map.Entry<String, Class<?>>> kitTracker;
    private final OpenApiGenerator generator;
    private volatile String json;

    @Activate
    public OpenApiDocument(BundleContext context) throws InvalidSyntaxException {
        this.generator = new OpenApiGenerator(FrameworkUtil.getBundle(OpenApiDocument.class).getVersion()
                .toString().replace(".SNAPSHOT", "-SNAPSHOT"));
        String filter = "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)";
        this.tracker = new ServiceTracker<>(context, context.createFilter(filter), null) {
            @Override
            public Class<?> addingService(ServiceReference<Object> reference) {
                if (!Api.APPLICATION_SELECT.equals(
                        reference.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT))) {
                    return null;
                }
                Class<?> type = resourceClass(context, reference);
                if (type != null) {
                    resources.put(reference, type);
                    json = null;
                }
                return type;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Class<?> type) {
                resources.remove(reference);
                json = null;
            }
        };
        tracker.open(true);
        // the services on the kit: their request record is the body of their create operation
        this.kitTracker = new ServiceTracker<>(context, ServiceHandler.class, null) {
            @Override
            public Map.Entry<String, Class<?>> addingService(ServiceReference<ServiceHandler> reference) {
                Object id = reference.getProperty(ElectronicService.ID_PROPERTY);
                ServiceHandler<?> handler = context.getService(reference);
                if (!(id instanceof String serviceId) || handler == null) {
                    return null;
                }
                try {
                    Map.Entry<String, Class<?>> entry = Map.entry(serviceId, handler.requestType());
                    kitServices.put(reference, entry);
                    json = null;
                    return entry;
                } finally {
                    context.ungetService(reference);
                }
            }

            @Override
            public void removedService(ServiceReference<ServiceHandler> reference, Map.Entry<String, Class<?>> entry) {
                kitServices.remove(reference);
                json = null;
            }
        };
        kitTracker.open();
    }

    @Deactivate
    void close() {
        kitTracker.close();
        tracker.close();
    }

    /** The document as JSON; regenerated after resources came or went. */
    public String json() {
        String current = json;
        if (current == null) {
            List<Class<?>> classes = new ArrayList<>(resources.values());
            // a stable order gives a stable document (operation ids de-duplicated in reading order)
            classes.sort(Comparator.comparing(Class::getName));
            Map<String, Class<?>> kit = new java.util.TreeMap<>();
            kitServices.values().forEach(entry -> kit.put(entry.getKey(), entry.getValue()));
            current = generator.json(classes, kit);
            json = current;
        }
        return current;
    }

    /**
     * The class that carries the JAX-RS annotations. Loading the registered
     * class from the registering bundle does not instantiate anything (taking
     * the service would activate components early, and this very bundle's
     * resource depends on this document). Only a resource registered under a
     * type without {@code @Path}, e.g. an interface, is taken once to learn
     * its implementation class.
     */
    private static Class<?> resourceClass(BundleContext context, ServiceReference<Object> reference) {
        String[] objectClass = (String[]) reference.getProperty(Constants.OBJECTCLASS);
        Bundle registrant = reference.getBundle();
        if (registrant == null) {
            return null; // unregistered meanwhile
        }
        for (String name : objectClass) {
            try {
                Class<?> type = registrant.loadClass(name);
                if (type.isAnnotationPresent(Path.class)) {
                    return type;
                }
            } catch (ClassNotFoundException e) {
                LOG.debug("{} is not visible to {}", name, registrant, e);
            }
        }
        ServiceObjects<Object> objects = context.getServiceObjects(reference);
        Object resource = objects == null ? null : objects.getService();
        if (resource == null) {
            return null;
        }
        try {
            return resource.getClass();
        } finally {
            objects.ungetService(resource);
        }
    }
}
