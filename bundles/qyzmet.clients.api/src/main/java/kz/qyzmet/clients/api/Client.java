package kz.qyzmet.clients.api;

import java.time.Instant;

/** A client record as it stands (or stood): {@code since} is when this version began. */
public record Client(String id, ClientData data, Instant since) {
}
