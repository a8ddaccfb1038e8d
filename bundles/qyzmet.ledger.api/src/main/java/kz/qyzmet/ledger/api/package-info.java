/**
 * The ledger of nominee-holding personal accounts: every change is an entry of
 * postings that balance per asset; postings are never changed or removed
 * (rules §45.3), corrections are reversals; refusals name the reason (rules §30);
 * {@link kz.qyzmet.ledger.api.Holds} set amounts aside for pending instructions.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package kz.qyzmet.ledger.api;
