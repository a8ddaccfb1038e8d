package kz.qyzmet.clients.api;

import java.time.Instant;

/** One version of a client record, valid in [{@code from}, {@code to}); {@code to} is null for the current one. */
public record ClientVersion(ClientData data, Instant from, Instant to) {
}
