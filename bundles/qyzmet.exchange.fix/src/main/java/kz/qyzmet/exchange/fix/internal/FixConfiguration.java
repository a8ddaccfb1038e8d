package kz.qyzmet.exchange.fix.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The FIX 4.4 session to the exchange, PID {@code kz.qyzmet.fix} (settings {@code qyzmet.fix.*}). */
@ObjectClassDefinition(name = "Qyzmet FIX 4.4 exchange gateway")
public @interface FixConfiguration {

    @AttributeDefinition(description = "The exchange's FIX host; empty: no FIX session (the gateway stays off)")
    String host() default "";

    @AttributeDefinition(description = "The exchange's FIX port")
    int port() default 9878;

    @AttributeDefinition(description = "Our SenderCompID (49)")
    String sender_comp_id() default "QYZMET";

    @AttributeDefinition(description = "The exchange's TargetCompID (56)")
    String target_comp_id() default "SIMX";

    @AttributeDefinition(description = "Heartbeat interval (108), seconds")
    int heartbeat_seconds() default 30;

    @AttributeDefinition(description = "Seconds between reconnection attempts")
    int reconnect_seconds() default 5;

    @AttributeDefinition(description = "The broker's account at the exchange (Account, 1); empty: the client's personal account")
    String account() default "";

    @AttributeDefinition(description = "The gateway's name (qyzmet.exchange.gateway), as qyzmet.trading.gateway names it")
    String name() default "fix";

    @AttributeDefinition(description = "Ranking of the gateway among others (the simulated exchange's in-process one is 0)")
    int ranking() default 100;
}
