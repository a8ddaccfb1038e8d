package kz.qyzmet.persistence.api;

import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One transaction of the platform's database around calls into several
 * bundles: every {@link Database} of the main store used by {@code work} joins it,
 * so the state changes and their audit records commit together or not at all.
 * The same rules as {@link Database#inTransaction} apply (retried on deadlock:
 * nothing outside the database inside).
 */
@ProviderType
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
