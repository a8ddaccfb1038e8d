package kz.qyzmet.ledger.api;

/** What an asset is: money in a currency (ISO 4217), a security (ISIN), or claim rights on a security's issuer. */
public enum AssetKind {
    CURRENCY, SECURITY,
    /**
     * Rights of claim on an issuer's obligations on an emissive security (issue #15),
     * counted like securities, under their own code: {@code R} and the security's
     * ISIN without its check digit ({@link Asset#claimRightsOf}).
     *
     * @since 1.5
     */
    CLAIM_RIGHT
}
