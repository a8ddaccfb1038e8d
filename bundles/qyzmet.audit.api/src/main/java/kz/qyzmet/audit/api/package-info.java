/**
 * The audit journal: every state change and security event of the platform is
 * recorded through {@link kz.qyzmet.audit.api.AuditJournal} (rules §32, §45.1).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package kz.qyzmet.audit.api;
