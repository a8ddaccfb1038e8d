package kz.qyzmet.exchange.simulated.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The simulated exchange, PID {@code kz.qyzmet.simulatedexchange} (settings {@code qyzmet.simulatedexchange.*}). */
@ObjectClassDefinition(name = "Qyzmet simulated exchange (dev and demo)")
public @interface SimulatedExchangeConfiguration {

    @AttributeDefinition(description = "Reference prices of the day, ISIN=price; with liquidity on, the simulated market"
            + " maker quotes around them")
    String[] reference_prices() default { "US0378331005=190.00", "US48581R2058=95.00", "KZ000A0LE0S4=250.00" };

    @AttributeDefinition(description = "Whether a simulated market maker keeps the books liquid (demo); tests turn it off")
    boolean liquidity() default true;

    @AttributeDefinition(description = "Price levels the market maker quotes on each side")
    int depth_levels() default 5;

    @AttributeDefinition(description = "Units the market maker shows at each level (replenished after each trade)")
    long level_quantity() default 100;

    @AttributeDefinition(description = "Distance between the market maker's levels, in basis points of the reference price")
    int level_spacing_bp() default 10;

    @AttributeDefinition(description = "Port of the FIX 4.4 acceptor (127.0.0.1); 0: none (the in-process gateway only)")
    int fix_port() default 0;

    @AttributeDefinition(description = "The acceptor's SenderCompID (49)")
    String fix_sender_comp_id() default "SIMX";

    @AttributeDefinition(description = "The broker's CompID the acceptor expects (56 of its messages)")
    String fix_target_comp_id() default "QYZMET";

    @AttributeDefinition(description = "The close of the trading day, HH:MM Almaty time: day orders still open expire then")
    String close_at() default "23:59";
}
