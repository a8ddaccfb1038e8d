package kz.qyzmet.payments.simulated.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The simulated bank, PID {@code kz.qyzmet.simulatedbank} (settings {@code qyzmet.simulatedbank.*}). */
@ObjectClassDefinition(name = "Qyzmet simulated bank (dev and demo)")
public @interface SimulatedBankConfiguration {

    @AttributeDefinition(description = "Seconds, by the platform's clock, before the bank answers a payment")
    long delay_seconds() default 30;

    @AttributeDefinition(description = "IBANs the bank treats as closed accounts: payments to them are rejected (AC04)")
    String[] closed_ibans() default { "KZ42722C000099999999" };

    @AttributeDefinition(description = "Payments above this amount (any currency) are rejected as not allowed (AM02); 0: no limit")
    String reject_above() default "0";
}
