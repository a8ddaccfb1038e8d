package kz.qyzmet.http.loopback.internal;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The plain HTTP listener. Rules §37 require TLS 1.3 on the wire, so the only
 * plain listener the platform opens is bound to the loopback address, where no
 * traffic leaves the host. It is added to the same Jetty server as the TLS
 * listener through Felix HTTP's {@link ConnectorFactory} whiteboard.
 */
@Component(configurationPid = LoopbackHttpListener.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = LoopbackHttpConfiguration.class)
public class LoopbackHttpListener {
    static final String PID = "kz.qyzmet.http";
    static final String LOOPBACK = "127.0.0.1";

    private final ServiceRegistration<ConnectorFactory> registration;

    @Activate
    public LoopbackHttpListener(LoopbackHttpConfiguration configuration, BundleContext context) {
        int port = configuration.port();
        if (port <= 0) {
            registration = null;
            return;
        }
        ConnectorFactory factory = server -> {
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(LOOPBACK);
            connector.setPort(port);
            connector.setName("qyzmet-loopback-http");
            return connector;
        };
        registration = context.registerService(ConnectorFactory.class, factory, null);
    }

    @Deactivate
    void close() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
