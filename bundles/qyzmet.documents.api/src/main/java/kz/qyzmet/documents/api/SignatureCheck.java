package kz.qyzmet.documents.api;

/**
 * What the digital signature of a presented PDF says (issue #13): whether it is
 * intact, covers the whole file, and was made with the broker's key.
 *
 * @param status            the outcome
 * @param signer            the signing certificate's subject, when there is a signature
 * @param certificateSha256 the SHA-256 fingerprint of that certificate (lower-case hex), to compare with the broker's
 * @param number            the document number the signature names, when there is one
 */
public record SignatureCheck(Status status, String signer, String certificateSha256, String number) {
    public enum Status {
        /** Intact, covering every byte of the file, made with the broker's document-signing key. */
        VALID,
        /** A signature is there, but the bytes it covers were changed, or bytes were added after it. */
        BROKEN,
        /** An intact signature by someone else's key. */
        FOREIGN,
        /** Not a signed PDF (or not a PDF at all). */
        ABSENT
    }

    public static SignatureCheck absent() {
        return new SignatureCheck(Status.ABSENT, null, null, null);
    }
}
