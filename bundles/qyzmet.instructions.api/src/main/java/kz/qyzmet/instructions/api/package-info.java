/**
 * Client instructions (rules §2, §8, §9): electronic documents with a canonical
 * form (RFC 8785) and its SHA-256, confirmed by the client with a one-time code
 * bound to that digest (§25.2), accepted or refused with a reason (§19, §29),
 * processed at once by the service's {@link InstructionHandler} or by staff
 * through the back-office queue within business days (§7.2). Content never
 * changes once created (§45).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.2.0")
package kz.qyzmet.instructions.api;
