package kz.qyzmet.ledger.api;

/**
 * An asset the ledger counts: a currency by its ISO 4217 code with its minor-unit
 * scale (KZT 2, JPY 0), or a security by its ISIN with the scale of its quantity.
 */
public record Asset(String code, AssetKind kind, int scale, String name) {
}
