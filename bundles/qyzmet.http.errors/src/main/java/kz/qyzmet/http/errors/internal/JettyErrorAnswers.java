package kz.qyzmet.http.errors.internal;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Installs {@link ProblemErrorHandler} as the Jetty server's error handler.
 * Felix HTTP offers no setting for it; the one place it hands out its
 * {@code Server} is the {@link ConnectorFactory} whiteboard, so this registers a
 * factory that sets the handler and contributes a {@link LocalConnector}: an
 * in-memory connector with no socket, which opens nothing to the network. It
 * waits for the HTTP runtime: Felix accepts extra connectors of this kind only
 * once its server has started.
 */
@Component(immediate = true)
public class JettyErrorAnswers {
    private final ServiceRegistration<ConnectorFactory> registration;

    @Activate
    public JettyErrorAnswers(BundleContext context,
            @Reference(service = org.osgi.service.http.runtime.HttpServiceRuntime.class) org.osgi.framework.ServiceReference<?> started) {
        ConnectorFactory factory = server -> {
            server.setErrorHandler(new ProblemErrorHandler());
            LocalConnector connector = new LocalConnector(server);
            connector.setName("qyzmet-error-handler-hook");
            return connector;
        };
        registration = context.registerService(ConnectorFactory.class, factory, null);
    }

    @Deactivate
    void close() {
        registration.unregister();
    }
}
