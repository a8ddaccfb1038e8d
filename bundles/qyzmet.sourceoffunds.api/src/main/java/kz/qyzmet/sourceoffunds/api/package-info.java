/**
 * Source of funds: a client's confirmed sources of funds as staff approved them
 * ({@link kz.qyzmet.sourceoffunds.api.SourceOfFunds}), for services that must
 * not move large amounts without one (issue #15).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package kz.qyzmet.sourceoffunds.api;
