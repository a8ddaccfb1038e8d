/**
 * Files clients upload (issue 16): {@link kz.qyzmet.uploads.api.FileType} tells
 * PDF, JPEG and PNG from the bytes and refuses a disguised file;
 * {@link kz.qyzmet.uploads.api.Uploads} keeps a client's file for a purpose
 * (an identity document, say) only as long as configured for that purpose, then
 * deletes its content and keeps what it was (name, size, SHA-256) and why it went.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package kz.qyzmet.uploads.api;
