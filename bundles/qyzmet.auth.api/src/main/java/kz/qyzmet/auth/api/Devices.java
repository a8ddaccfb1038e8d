package kz.qyzmet.auth.api;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import kz.qyzmet.common.api.Caller;

/**
 * The devices a client's push codes go to (issue #16, §7.2: authentication means):
 * the mobile app installations signed in to the client's account, each one an open
 * app session. Revoking one ends it: it no longer receives codes nor stays signed in.
 *
 * @since 1.4
 */
@ProviderType
public interface Devices {

    /**
     * One signed-in app installation.
     *
     * @param id         what names it to {@link #revoke}
     * @param userAgent  how the app introduced itself
     * @param address    where it signed in from
     * @param signedInAt when
     * @param lastSeenAt when it last asked anything
     */
    record Device(String id, String userAgent, String address, Instant signedInAt, Instant lastSeenAt) {
    }

    /** The client's devices, the most recently seen first. */
    List<Device> of(String clientId);

    /** Ends the device's session (journalled, in the caller's transaction); 404 when it is not the client's open one. */
    void revoke(String clientId, String deviceId, Caller actor);
}
