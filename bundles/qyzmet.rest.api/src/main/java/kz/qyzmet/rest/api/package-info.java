/**
 * Conventions every REST resource of Qyzmet follows: the one named JAX-RS
 * application at {@code /api/v1} ({@link ApiResource}, {@link ApiExtension}),
 * the request authenticator and guards the platform's request filter asks.
 * The types without JAX-RS (languages, localized texts, callers, problems)
 * are in {@code kz.qyzmet.common.api}, so that domain APIs need no REST.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.2.0")
package kz.qyzmet.rest.api;
