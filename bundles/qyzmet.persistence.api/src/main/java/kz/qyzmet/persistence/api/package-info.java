/**
 * Persistence for bundles: each bundle owns its tables, its Flyway migrations
 * (in its own {@code db/migration} folder, with its own history table) and its
 * MyBatis mappers, on the platform's one pooled {@code DataSource}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package kz.qyzmet.persistence.api;
