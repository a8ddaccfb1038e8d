/**
 * Conventions every REST resource of Qyzmet follows: the one named JAX-RS
 * application at {@code /api/v1}, errors as RFC 9457 {@code application/problem+json}
 * with a stable type and a message in the client's language (kk, ru, en).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package kz.qyzmet.rest.api;
