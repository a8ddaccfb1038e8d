package kz.qyzmet.ledger.api;

import java.time.Instant;

/** A ledger account; {@code owner} is the client's id for client accounts, else null. */
public record Account(String id, AccountType type, String owner, String name, Instant openedAt) {
}
