/**
 * What a service bundle contributes to the web front ends (issue #14): its own
 * page in the personal cabinet. Without one, a service on the service kit gets
 * the form, confirmation and result pages the platform derives from its request
 * record.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package kz.qyzmet.web.api;
