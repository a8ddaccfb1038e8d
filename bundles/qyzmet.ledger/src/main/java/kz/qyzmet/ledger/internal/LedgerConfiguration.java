package kz.qyzmet.ledger.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the ledger's back office, PID {@code kz.qyzmet.ledger}: {@code qyzmet.ledger.<name.with.dots>}. */
@ObjectClassDefinition(name = "Qyzmet ledger back office")
public @interface LedgerConfiguration {
    String PID = "kz.qyzmet.ledger";

    @AttributeDefinition(description = "Operator postings (payments and securities in) above these amounts need a second"
            + " operator's approval: ASSET=amount pairs, '*' for every other asset, e.g. KZT=5000000,USD=10000,*=10000")
    String approval_thresholds() default "KZT=5000000,USD=10000,EUR=10000,RUB=1000000,*=10000";
}
