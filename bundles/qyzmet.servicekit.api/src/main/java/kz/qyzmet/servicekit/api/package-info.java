/**
 * The service kit: an electronic service declares, once, its
 * {@code @ElectronicService} metadata, its request as a Java record, the summary
 * the client confirms (§25.2) and its handler, and registers the handler as a
 * {@link ServiceHandler} service. The platform then serves, under
 * {@code /api/v1/services/<id>/requests}, the same endpoints for every service:
 * create a request (sending the confirmation code), read one, list one's own,
 * confirm with the code, cancel; and it enforces the declared assurance on
 * every path of the service, its own extra endpoints included.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package kz.qyzmet.servicekit.api;
