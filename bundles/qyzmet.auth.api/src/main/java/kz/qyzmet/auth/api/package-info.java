/**
 * Authentication as the rest of the platform sees it (rules §20–§26, §34–§44):
 * who is behind a request ({@link kz.qyzmet.auth.api.Session}), whether that
 * session is a security session (§21, §36), and the per-operation confirmation
 * of an instruction with a one-time code bound to its digest (§25.2, §35.3).
 * One-time codes leave the platform through the message router
 * ({@code kz.qyzmet.messaging.api}, since 1.5), one bundle per gateway.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package kz.qyzmet.auth.api;
