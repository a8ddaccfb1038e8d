/**
 * Client records (rules §16): individuals and legal entities with a full history
 * of every change, search by current and former data, saved searches, and views
 * of a record as it was on a given date.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package kz.qyzmet.clients.api;
