package kz.qyzmet.auth.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Sessions as other bundles may see them. */
@ProviderType
public interface Sessions {

    /** The live session with this public id, as it stands now; empty when ended or expired. */
    Optional<Session> find(String sessionId);
}
