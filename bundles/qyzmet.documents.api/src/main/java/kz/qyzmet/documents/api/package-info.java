/**
 * Output documents (rules §7.1, §45): a service describes what a document says
 * ({@link DocumentSpec}); the documents core lays it out as PDF/A-2u with the
 * broker's header, number, page numbers and a QR code to its verification, and
 * stores it immutable with its SHA-256. Services never touch the PDF library.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package kz.qyzmet.documents.api;
