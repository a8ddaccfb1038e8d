package kz.qyzmet.auth.outbox.internal;

import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;

import kz.qyzmet.rest.api.Api;

/**
 * Publishes {@link DevOutboxResource} only when the framework runs with
 * {@code qyzmet.mode=dev} or {@code demo}: in production there is nothing to
 * find at that path, not even a refusal.
 */
@Component(immediate = true, service = {})
public class DevOutboxRegistration {
    static final String MODE = "qyzmet.mode";
    private final ServiceRegistration<DevOutboxResource> registration;

    @Activate
    public DevOutboxRegistration(@Reference OutboxChannel outbox, BundleContext context) {
        String mode = context.getProperty(MODE);
        if (!"dev".equals(mode) && !"demo".equals(mode)) {
            registration = null;
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(JaxrsWhiteboardConstants.JAX_RS_RESOURCE, true);
        properties.put(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT, Api.APPLICATION_SELECT);
        properties.put(JaxrsWhiteboardConstants.JAX_RS_NAME, "qyzmet.dev.outbox");
        registration = context.registerService(DevOutboxResource.class, new DevOutboxResource(outbox), properties);
    }

    @Deactivate
    void unregister() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
