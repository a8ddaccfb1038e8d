package kz.qyzmet.http.errors.internal;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Installs {@link ProblemErrorHandler} as the Jetty server's error handler.
 * Felix HTTP offers no setting for it; the one place it hands out its
 * {@code Server} is the {@link ConnectorFactory} whiteboard, so this registers a
 * factory that sets the handler and contributes a {@link Hook}: a connector
 * that never opens anything.
 * <p>
 * It is registered as soon as this bundle starts, and the launcher starts the
 * HTTP server last (issue #11 item 15): Felix asks the factories already there
 * right after its server has started, before it registers its HTTP runtime, so
 * the platform's answers are in place from the listener's first instant.
 * Waiting for the runtime instead left a window in which Jetty answered its own
 * HTML 404s.
 */
@Component(immediate = true)
public class JettyErrorAnswers {
    private final ServiceRegistration<ConnectorFactory> registration;

    @Activate
    public JettyErrorAnswers(BundleContext context) {
        ConnectorFactory factory = server -> {
            server.setErrorHandler(new ProblemErrorHandler());
            return new Hook(server);
        };
        registration = context.registerService(ConnectorFactory.class, factory, null);
    }

    @Deactivate
    void close() {
        registration.unregister();
    }

    /**
     * What the factory must return: Felix describes every connector of its server
     * as a {@link ServerConnector} (it fails on any other kind), so this is one
     * whose life cycle does nothing: no socket, no thread, never accepting.
     */
    static final class Hook extends ServerConnector {
        Hook(Server server) {
            super(server, 0, 1, new HttpConnectionFactory());
            setName("qyzmet-error-handler-hook");
            setHost("127.0.0.1");
        }

        @Override
        protected void doStart() {
            // deliberately nothing: this connector exists only to reach the server
        }

        @Override
        protected void doStop() {
            // nothing was started
        }
    }
}
