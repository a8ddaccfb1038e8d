package kz.qyzmet.trading.internal;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.trading.api.Instrument;
import kz.qyzmet.trading.api.Instruments;

/**
 * In dev and demo mode (rules §4: a demo version to learn the system) the
 * securities the sample clients hold are traded on the simulated exchange, round
 * the clock; production loads its instruments from the exchange's list.
 */
@Component(immediate = true)
public class DemoInstruments {
    private static final Logger LOG = LoggerFactory.getLogger(DemoInstruments.class);
    static final LocalTime ALL_DAY = LocalTime.MIDNIGHT;

    @Activate
    public DemoInstruments(@Reference Instruments instruments, BundleContext context) {
        String mode = context.getProperty("qyzmet.mode");
        if (!"dev".equals(mode) && !"demo".equals(mode)) {
            return;
        }
        instruments.load(List.of(
                new Instrument("US0378331005", "AAPL", "SIM", "Apple Inc.", "USD", 1, new BigDecimal("0.01"), ALL_DAY,
                        ALL_DAY, 0),
                new Instrument("US48581R2058", "KSPI", "SIM", "Kaspi.kz ADS", "USD", 1, new BigDecimal("0.01"), ALL_DAY,
                        ALL_DAY, 0),
                new Instrument("KZ000A0LE0S4", "HSBK", "SIM", "Halyk Bank", "KZT", 10, new BigDecimal("0.01"), ALL_DAY,
                        ALL_DAY, 0)), "demo-seeder");
        LOG.info("{} mode: AAPL, KSPI and HSBK trade on the simulated exchange", mode);
    }
}
