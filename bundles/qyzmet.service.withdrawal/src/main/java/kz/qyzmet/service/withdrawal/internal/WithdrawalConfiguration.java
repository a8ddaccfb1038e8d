package kz.qyzmet.service.withdrawal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The withdrawal service's tariff and limits, PID {@code kz.qyzmet.withdrawal} (settings {@code qyzmet.withdrawal.*}). */
@ObjectClassDefinition(name = "Qyzmet withdrawals")
public @interface WithdrawalConfiguration {

    @AttributeDefinition(description = "The broker's fee, percent of the amount (e.g. 0.1)")
    String fee_percent() default "0.1";

    @AttributeDefinition(description = "Least fee per currency, CODE=amount (e.g. KZT=200); a currency not named has none")
    String[] fee_minimum() default { "KZT=200", "USD=1", "EUR=1", "RUB=50" };

    @AttributeDefinition(description = "Amounts from which staff review the withdrawal first (§7.2), CODE=amount;"
            + " a currency not named is never reviewed")
    String[] review_from() default { "KZT=5000000", "USD=10000", "EUR=10000", "RUB=1000000" };

    @AttributeDefinition(description = "Amounts from which a withdrawal needs an approved source-of-funds confirmation"
            + " covering it, CODE=amount; a currency not named never does")
    String[] source_of_funds_from() default { "KZT=20000000", "USD=40000", "EUR=40000", "RUB=4000000" };

    @AttributeDefinition(description = "The outside account the bank pays from (EXTERNAL on the ledger)")
    String bank_account() default "EXT-BANK";

    @AttributeDefinition(description = "The broker's account that receives the fee (BROKER on the ledger)")
    String fee_account() default "BROKER-OWN";

    @AttributeDefinition(description = "Seconds between two questions to the bank about a payment it has not answered")
    long status_poll_seconds() default 30;

    @AttributeDefinition(description = "The bank gateway to use (its qyzmet.bank.gateway name); empty: the one there is")
    String gateway() default "";
}
