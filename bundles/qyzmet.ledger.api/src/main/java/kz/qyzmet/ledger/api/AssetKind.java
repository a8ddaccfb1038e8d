package kz.qyzmet.ledger.api;

/** What an asset is: money in a currency (ISO 4217) or a security (ISIN). */
public enum AssetKind {
    CURRENCY, SECURITY
}
