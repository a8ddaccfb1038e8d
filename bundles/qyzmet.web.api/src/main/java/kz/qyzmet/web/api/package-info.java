/**
 * What a service bundle contributes to the web front ends (issue #14): its own
 * page in the personal cabinet ({@link kz.qyzmet.web.api.CabinetPage}), and pages
 * in the operator console ({@link kz.qyzmet.web.api.ConsolePage}). Without a
 * cabinet page, a service on the service kit gets
 * the form, confirmation and result pages the platform derives from its request
 * record.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package kz.qyzmet.web.api;
