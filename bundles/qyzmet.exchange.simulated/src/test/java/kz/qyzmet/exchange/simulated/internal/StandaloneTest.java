package kz.qyzmet.exchange.simulated.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The standalone simulated exchange's command line is its configuration. */
class StandaloneTest {

    @Test
    void theCommandLineConfiguresTheExchange() {
        Standalone.Options options = Standalone.Options.parse(new String[] { "--port", "19878", "--reference",
                "US0378331005=190.00", "--reference", "KZ000A0LE0S4=250", "--no-liquidity", "--data", "/tmp/x", "--close",
                "18:00", "--sender", "KASE", "--target", "BROKER" });
        assertEquals(19878, options.fix_port());
        assertArrayEquals(new String[] { "US0378331005=190.00", "KZ000A0LE0S4=250" }, options.reference_prices());
        assertFalse(options.liquidity());
        assertEquals(Path.of("/tmp/x"), options.data);
        assertEquals("18:00", options.close_at());
        assertEquals("KASE", options.fix_sender_comp_id());
        assertEquals("BROKER", options.fix_target_comp_id());
        assertEquals(SimulatedExchangeConfiguration.class, options.annotationType());
    }

    @Test
    void anUnknownOptionOrAMissingValueIsSaid() {
        assertThrows(IllegalArgumentException.class, () -> Standalone.Options.parse(new String[] { "--prot", "1" }));
        assertThrows(IllegalArgumentException.class, () -> Standalone.Options.parse(new String[] { "--port" }));
    }
}
