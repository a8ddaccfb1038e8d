package kz.qyzmet.auth.internal;

import java.time.ZoneOffset;
import java.util.List;

import kz.qyzmet.auth.api.Devices;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/** A client's devices are their open app sessions; revoking one ends it (issue #16). */
final class AppDevices implements Devices {
    private final AuthStore store;
    private final LiveSessions sessions;

    AppDevices(AuthStore store, LiveSessions sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    @Override
    public List<Device> of(String clientId) {
        return store.read(mapper -> {
            IdentityRow identity = mapper.identityByClient(clientId);
            return identity == null ? List.<Device>of() : mapper.openAppSessions(identity.id).stream()
                    .map(row -> new Device(row.id, row.userAgent, row.address, row.createdAt.toInstant(ZoneOffset.UTC),
                            row.lastSeenAt.toInstant(ZoneOffset.UTC)))
                    .toList();
        });
    }

    @Override
    public void revoke(String clientId, String deviceId, Caller actor) {
        if (of(clientId).stream().noneMatch(device -> device.id().equals(deviceId))) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Мұндай құрылғы жоқ.",
                    "Такого устройства нет.", "No such device."));
        }
        sessions.endSession(deviceId, "device-revoked", actor, store.now());
    }
}
