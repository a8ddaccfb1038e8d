package kz.qyzmet.trading.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where gateways deliver the exchange's answers: the trading core registers it.
 * A report is applied in one transaction (order, deal, ledger and journal) before
 * this returns; a gateway acknowledges it to its session (FIX sequence numbers)
 * only then, so nothing is lost in a crash and a repeated report is applied once.
 */
@ProviderType
public interface ExecutionReports {

    /**
     * Applies the report.
     *
     * @throws IllegalStateException when it cannot be applied now (the database is away); deliver it again
     */
    void report(ExecutionReport report);
}
