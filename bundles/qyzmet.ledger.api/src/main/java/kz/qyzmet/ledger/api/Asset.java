package kz.qyzmet.ledger.api;

import java.util.Currency;

import kz.qyzmet.common.api.Language;

/**
 * An asset the ledger counts: a currency by its ISO 4217 code with its minor-unit
 * scale (KZT 2, JPY 0), or a security by its ISIN with the scale of its quantity.
 */
public record Asset(String code, AssetKind kind, int scale, String name) {

    /**
     * The code of the claim rights on the obligations of the security {@code isin}'s
     * issuer: {@code R} and the ISIN's first eleven characters (its check digit
     * follows from them, so the code is as unique as the ISIN and fits the ledger's
     * twelve characters).
     *
     * @since 1.5
     */
    public static String claimRightsOf(String isin) {
        if (isin == null || !isin.matches("[A-Z]{2}[A-Z0-9]{9}[0-9]")) {
            throw new IllegalArgumentException("not an ISIN: " + isin);
        }
        return "R" + isin.substring(0, 11);
    }

    /**
     * The name a document in {@code language} prints (issue #13: no English words in
     * a Kazakh or Russian document): a currency's name in that language from the
     * JDK's CLDR data ("АҚШ доллары", "доллар США"), a security's own name, which is
     * a proper name in every language.
     *
     * @since 1.4
     */
    public String nameIn(Language language) {
        if (kind == AssetKind.CURRENCY) {
            try {
                return Currency.getInstance(code).getDisplayName(java.util.Locale.forLanguageTag(language.tag()));
            } catch (IllegalArgumentException notIso) {
                return name;
            }
        }
        return name;
    }
}
