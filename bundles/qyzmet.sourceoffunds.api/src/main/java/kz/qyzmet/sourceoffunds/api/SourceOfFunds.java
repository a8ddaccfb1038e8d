package kz.qyzmet.sourceoffunds.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The source-of-funds confirmations staff approved (issue #15): a client states
 * where money came from (kind, amount, description) with evidence, staff approve
 * or reject it, and an approval stays valid for a configured time.
 */
@ProviderType
public interface SourceOfFunds {

    /** The client's approvals valid at {@code at}, newest first. */
    List<ApprovedSource> approved(String clientId, Instant at);

    /**
     * The newest approval valid at {@code at} that covers {@code amount} of
     * {@code currency} (declared in that currency, at least that much).
     */
    default Optional<ApprovedSource> covering(String clientId, BigDecimal amount, String currency, Instant at) {
        return approved(clientId, at).stream()
                .filter(source -> source.currency().equals(currency) && source.amount().compareTo(amount) >= 0).findFirst();
    }
}
