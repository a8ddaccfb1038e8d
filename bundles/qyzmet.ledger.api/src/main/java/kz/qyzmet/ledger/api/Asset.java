package kz.qyzmet.ledger.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;

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

    /**
     * {@code value} as an amount of this asset a client asks to move: positive, with
     * no more decimals than the asset counts (refused with a 400 naming
     * {@code field}: an amount of money, a quantity of anything else), scaled to it.
     *
     * @since 1.5
     */
    public BigDecimal positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > scale) {
            LocalizedText reason = kind == AssetKind.CURRENCY
                    ? LocalizedText.of("Сома оң және үтірден кейін {scale} таңбадан аспауы керек.",
                            "Сумма должна быть положительной, не более {scale} знаков после запятой.",
                            "The amount must be positive with at most {scale} decimals.")
                    : scale == 0 ? LocalizedText.of("Саны оң және бүтін болуы керек.",
                            "Количество должно быть положительным и целым.", "The quantity must be a positive whole number.")
                    : LocalizedText.of("Саны оң және үтірден кейін {scale} таңбадан аспауы керек.",
                            "Количество должно быть положительным, не более {scale} знаков после запятой.",
                            "The quantity must be positive with at most {scale} decimals.");
            throw Requests.invalid(field, reason.format(Map.of("scale", scale)));
        }
        return value.setScale(scale);
    }
}
