/**
 * What every Qyzmet API shares and no transport decides: the three languages
 * of the rules (kk, ru, en) and texts in all of them, the caller of an action
 * as the audit journal records it, and refusals as problems with a stable type
 * and a reason in the client's language (rules §29, §30). No JAX-RS here:
 * domain APIs (ledger, clients, instructions…) depend on this, not on REST.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package kz.qyzmet.common.api;
