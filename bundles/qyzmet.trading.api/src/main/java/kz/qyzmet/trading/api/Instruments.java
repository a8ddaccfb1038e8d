package kz.qyzmet.trading.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The instruments the broker trades, loaded and updated by operators, versioned. */
@ProviderType
public interface Instruments {

    /**
     * Loads definitions: a new ISIN gets version 1 (and its security on the ledger), a
     * changed one the next version, an unchanged one stays as it is. All or none,
     * journalled; a malformed definition is refused with a problem naming it.
     *
     * @return the current version of each
     */
    List<Instrument> load(List<Instrument> definitions, String actor);

    /** The current version, by ISIN or ticker (case-insensitive). */
    Optional<Instrument> find(String isinOrTicker);

    /** One version of an instrument, as an order was checked against it. */
    Optional<Instrument> version(String isin, int version);

    /** Every instrument's current version, by ticker. */
    List<Instrument> all();
}
