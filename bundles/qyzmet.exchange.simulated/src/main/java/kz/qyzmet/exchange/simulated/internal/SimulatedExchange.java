package kz.qyzmet.exchange.simulated.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.exchange.simulated.api.SimulatedMarket;
import kz.qyzmet.trading.api.ExchangeGateway;
import kz.qyzmet.trading.api.ExecutionReports;
import kz.qyzmet.trading.api.MarketData;

/**
 * The simulated exchange inside the platform (issue #17; rules §4: a demo version
 * to learn the system), offered only in dev and demo mode, never in production:
 * the broker's exchange gateway, a market-data source, and {@link SimulatedMarket}
 * for other participants, all one {@link ExchangeCore}; with a FIX port it also
 * accepts FIX 4.4 on loopback, its store in the data directory.
 */
@Component(service = {}, immediate = true, configurationPid = SimulatedExchange.PID)
@Designate(ocd = SimulatedExchangeConfiguration.class)
public class SimulatedExchange {
    static final String PID = "kz.qyzmet.simulatedexchange";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedExchange.class);

    private final ExchangeCore core;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public SimulatedExchange(@Reference ExecutionReports reports, @Reference Clock clock,
            SimulatedExchangeConfiguration configuration, BundleContext context) {
        String mode = context.getProperty("qyzmet.mode");
        if (!"dev".equals(mode) && !"demo".equals(mode)) {
            core = null;
            return;
        }
        String dataDir = context.getProperty("qyzmet.data.dir");
        core = new ExchangeCore(reports::report, clock, configuration, Path.of(dataDir == null ? "data" : dataDir));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ExchangeGateway.NAME_PROPERTY, ExchangeCore.NAME);
        registrations.add(context.registerService(ExchangeGateway.class, core, properties));
        registrations.add(context.registerService(MarketData.class, core, properties));
        registrations.add(context.registerService(SimulatedMarket.class, core, properties));
        LOG.info("{} mode: the simulated exchange takes the broker's orders", mode);
    }

    @Deactivate
    void stop() {
        registrations.forEach(ServiceRegistration::unregister);
        if (core != null) {
            core.stop();
        }
    }
}
