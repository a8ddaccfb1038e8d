package kz.qyzmet.registry.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Caller;

/** Every installed electronic service with its runtime state, shared by all nodes through the database. */
@ProviderType
public interface ServiceRegistry {

    /** Installed services, ordered by id. */
    List<RegisteredService> services();

    Optional<RegisteredService> find(String id);

    /** The service's current state, as this node knows it (at most a poll interval behind other nodes). */
    ServiceStatus status(String id);

    /**
     * Changes a service's state, durably and audited, for every node.
     *
     * @throws kz.qyzmet.common.api.ProblemException 404 for an unknown service, 400 for a missing reason
     */
    RegisteredService changeState(String id, StateChange change, Caller operator);
}
