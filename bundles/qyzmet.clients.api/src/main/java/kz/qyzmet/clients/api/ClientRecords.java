package kz.qyzmet.clients.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Client records with their full history. Invalid input is refused with a
 * {@code kz.qyzmet.common.api.ProblemException} naming the field.
 */
@ProviderType
public interface ClientRecords {
    /** Fields that can be searched and sorted by. */
    Set<String> FIELDS = Set.of("id", "kind", "taxId", "name", "phone", "email", "postalAddress", "documentNumber",
            "bankBic", "bankAccount", "taxResidency");

    Client create(ClientData data, String actor);

    /** Changes the given fields (null = unchanged); the previous version stays in the history. */
    Client update(String id, ClientData changes, String actor);

    Optional<Client> find(String id);

    /** The record as it was at {@code at} (rules §16.2), if it existed then. */
    Optional<Client> asOf(String id, Instant at);

    /** Every version, oldest first (rules §16.1). */
    List<ClientVersion> history(String id);

    ClientPage search(ClientQuery query);

    SavedSearch saveSearch(String operator, String name, ClientQuery query);

    List<SavedSearch> savedSearches(String operator);

    Optional<SavedSearch> savedSearch(String operator, long id);
}
