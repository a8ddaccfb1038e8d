package kz.qyzmet.service.w8ben.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;

/**
 * IRS Form W-8BEN (Rev. October 2021) as the client fills it in, checked line by
 * line and completed (issue #16): Part I — the beneficial owner (lines 1–8),
 * Part II — a treaty claim (lines 9–10), Part III — the capacity to sign. Every
 * refusal names its field. Countries are ISO 3166 alpha-2 codes; a US citizen or
 * resident files W-9 instead; the permanent residence is no P.O. box or in-care-of
 * address; a foreign TIN is checked where its format is known (Kazakhstan's IIN,
 * Russia's INN), or its absence explained; a treaty claim is for the country of
 * residence, one with an income tax treaty with the United States, at 0–30 %.
 */
final class W8benForm {
    /**
     * Countries with an income tax treaty with the United States (IRS, "United
     * States Income Tax Treaties — A to Z").
     */
    static final Set<String> TREATY_COUNTRIES = Set.of("AM", "AU", "AT", "AZ", "BD", "BB", "BY", "BE", "BG", "CA", "CL", "CN",
            "CY", "CZ", "DK", "EG", "EE", "FI", "FR", "GE", "DE", "GR", "HU", "IS", "IN", "ID", "IE", "IL", "IT", "JM", "JP", "KZ",
            "KG", "KR", "LV", "LT", "LU", "MT", "MX", "MD", "MA", "NL", "NZ", "NO", "PK", "PH", "PL", "PT", "RO", "RU", "SK", "SI",
            "ZA", "ES", "LK", "SE", "CH", "TJ", "TH", "TT", "TN", "TR", "TM", "UA", "GB", "UZ", "VE");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String LATIN = "[A-Za-z0-9][A-Za-z0-9 .,'#/()-]*";

    private W8benForm() {
    }

    /** The form as checked and completed: codes upper-case, TINs in their normal form, the signer named. */
    static W8benService.Request check(W8benService.Request form, LocalDate today) {
        String name = latin("name", form.name(), 200);
        String citizenship = country("citizenship", form.citizenship());
        if (citizenship.equals("US")) {
            throw Requests.invalid("citizenship", text("АҚШ азаматы W-8BEN емес, W-9 нысанын толтырады.",
                    "Гражданин США заполняет не W-8BEN, а W-9.", "A US citizen files Form W-9, not W-8BEN."));
        }
        String address = latin("residenceAddress", form.residenceAddress(), 200);
        if (address.toUpperCase(Locale.ROOT).matches(".*\\b(P\\.?\\s?O\\.?\\s?BOX|C/O|IN CARE OF)\\b.*")) {
            throw Requests.invalid("residenceAddress", text("Тұрақты мекенжай абоненттік жәшік немесе «c/o» бола алмайды.",
                    "Адрес постоянного проживания не может быть абонентским ящиком или «c/o».",
                    "The permanent residence address cannot be a P.O. box or in-care-of address."));
        }
        String city = latin("residenceCity", form.residenceCity(), 120);
        String residence = country("residenceCountry", form.residenceCountry());
        if (residence.equals("US")) {
            throw Requests.invalid("residenceCountry", text("АҚШ резиденті W-8BEN емес, W-9 нысанын толтырады.",
                    "Резидент США заполняет не W-8BEN, а W-9.", "A US resident files Form W-9, not W-8BEN."));
        }
        String mailingAddress = optionalLatin("mailingAddress", form.mailingAddress(), 200);
        String mailingCity = optionalLatin("mailingCity", form.mailingCity(), 120);
        String mailingCountry = blank(form.mailingCountry()) ? null : country("mailingCountry", form.mailingCountry());
        if ((mailingAddress != null || mailingCity != null) && mailingCountry == null) {
            throw Requests.invalid("mailingCountry", text("Пошталық мекенжайдың елін көрсетіңіз.",
                    "Укажите страну почтового адреса.", "Name the mailing address's country."));
        }
        String usTin = blank(form.usTin()) ? null : usTin(form.usTin());
        LocalDate born = dateOfBirth(form.dateOfBirth(), today);
        String foreignTin = blank(form.foreignTin()) ? null : foreignTin(residence, form.foreignTin(), born);
        String noTin = blank(form.ftinNotRequired()) ? null : latin("ftinNotRequired", form.ftinNotRequired(), 200);
        if (foreignTin == null && noTin == null) {
            throw Requests.invalid("foreignTin", text("Шетелдік салық нөмірін (ЖСН) көрсетіңіз немесе ол неге талап етілмейтінін түсіндіріңіз.",
                    "Укажите иностранный налоговый номер (ИИН) или объясните, почему он не требуется.",
                    "Give the foreign tax identifying number or explain why none is legally required."));
        }
        String reference = optionalLatin("reference", form.reference(), 50);

        String treatyCountry = blank(form.treatyCountry()) ? null : country("treatyCountry", form.treatyCountry());
        String article = optionalLatin("treatyArticle", form.treatyArticle(), 30);
        String income = optionalLatin("treatyIncome", form.treatyIncome(), 100);
        String conditions = optionalLatin("treatyConditions", form.treatyConditions(), 500);
        String rate = null;
        if (treatyCountry != null || article != null || !blank(form.treatyRate()) || income != null) {
            if (treatyCountry == null) {
                throw Requests.invalid("treatyCountry", text("Келісім бойынша жеңілдік — резиденттік елін көрсетіңіз.",
                        "Льгота по соглашению: укажите страну резидентства.", "A treaty claim names the country of residence."));
            }
            if (!treatyCountry.equals(residence)) {
                throw Requests.invalid("treatyCountry", text("Келісім елі — тұрақты тұратын ел ({residence}).",
                        "Страна соглашения — страна постоянного проживания ({residence}).",
                        "The treaty country is the country of residence ({residence}).").format(Map.of("residence", residence)));
            }
            if (!TREATY_COUNTRIES.contains(treatyCountry)) {
                throw Requests.invalid("treatyCountry", text("{country} мен АҚШ арасында табыс салығы туралы келісім жоқ.",
                        "У {country} нет соглашения с США о подоходном налоге.",
                        "{country} has no income tax treaty with the United States.").format(Map.of("country", treatyCountry)));
            }
            if (article == null) {
                throw Requests.invalid("treatyArticle", text("Келісімнің бабы мен тармағын көрсетіңіз.",
                        "Укажите статью и пункт соглашения.", "Name the treaty's article and paragraph."));
            }
            rate = rate(form.treatyRate());
            if (income == null) {
                throw Requests.invalid("treatyIncome", text("Табыс түрін көрсетіңіз (мысалы, dividends).",
                        "Укажите вид дохода (например, dividends).", "Name the type of income (e.g. dividends)."));
            }
        }
        String capacity = blank(form.capacity()) ? "beneficial-owner" : form.capacity();
        String signer = capacity.equals("beneficial-owner") ? name
                : Requests.required(optionalLatin("signerName", form.signerName(), 200), "signerName");
        return new W8benService.Request(name, citizenship, address, city, residence, mailingAddress, mailingCity, mailingCountry,
                usTin, foreignTin, noTin, reference, born.toString(), treatyCountry, article, rate, income, conditions, capacity,
                signer);
    }

    /**
     * Kazakhstan's IIN: 12 digits, the first six the date of birth (YYMMDD), the
     * last a control digit (weights 1–11, then 3–11, 1, 2 when the first sum gives 10).
     */
    static boolean validIin(String iin, LocalDate born) {
        if (!iin.matches("[0-9]{12}")) {
            return false;
        }
        int first = weighted(iin, 1);
        int control = first != 10 ? first : weighted(iin, 3);
        return control != 10 && control == iin.charAt(11) - '0'
                && (born == null || iin.startsWith(born.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"))));
    }

    /** Russia's individual INN: 12 digits, two control digits. */
    static boolean validInn(String inn) {
        if (!inn.matches("[0-9]{12}")) {
            return false;
        }
        int[] first = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
        int[] second = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
        return control(inn, first) == inn.charAt(10) - '0' && control(inn, second) == inn.charAt(11) - '0';
    }

    private static int control(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11 % 10;
    }

    private static int weighted(String digits, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * ((firstWeight - 1 + i) % 11 + 1);
        }
        return sum % 11;
    }

    private static String foreignTin(String residence, String value, LocalDate born) {
        String tin = value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        boolean valid = switch (residence) {
        case "KZ" -> validIin(tin, born);
        case "RU" -> validInn(tin);
        default -> tin.matches("[A-Z0-9]{1,30}");
        };
        if (!valid) {
            throw Requests.invalid("foreignTin", residence.equals("KZ") ? text(
                    "ЖСН — 12 сан, бақылау саны дұрыс және алғашқы алтауы туған күніңіз.",
                    "ИИН — 12 цифр с верной контрольной цифрой, первые шесть — дата рождения.",
                    "An IIN is 12 digits with a valid control digit, the first six the date of birth.")
                    : residence.equals("RU") ? text("ИНН — 12 сан, бақылау сандары дұрыс.", "ИНН — 12 цифр с верными контрольными цифрами.",
                            "An INN is 12 digits with valid control digits.")
                    : text("Салық нөмірі — 30 әріп пен санға дейін.", "Налоговый номер — до 30 букв и цифр.",
                            "A tax number is up to 30 letters and digits."));
        }
        return tin;
    }

    private static String usTin(String value) {
        String digits = value.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{9}") || digits.startsWith("000") || digits.startsWith("666")) {
            throw Requests.invalid("usTin", text("SSN немесе ITIN — 9 сан (123-45-6789).", "SSN или ITIN — 9 цифр (123-45-6789).",
                    "An SSN or ITIN is 9 digits (123-45-6789)."));
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }

    private static LocalDate dateOfBirth(String value, LocalDate today) {
        Requests.required(blank(value) ? null : value, "dateOfBirth");
        LocalDate born;
        try {
            born = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Requests.invalid("dateOfBirth", text("Күні ЖЖЖЖ-АА-КК түрінде.", "Дата — в виде ГГГГ-ММ-ДД.", "A date as YYYY-MM-DD."));
        }
        if (!born.isBefore(today) || born.getYear() < 1900) {
            throw Requests.invalid("dateOfBirth", text("Туған күні өткен күн болуы керек.", "Дата рождения должна быть в прошлом.",
                    "The date of birth must be in the past."));
        }
        return born;
    }

    private static String rate(String value) {
        try {
            BigDecimal rate = new BigDecimal(Requests.required(blank(value) ? null : value.strip().replace("%", "").strip(),
                    "treatyRate"));
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(30)) > 0 || rate.stripTrailingZeros().scale() > 1) {
                throw new NumberFormatException();
            }
            return rate.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw Requests.invalid("treatyRate", text("Ұстау мөлшерлемесі — 0–30 %.", "Ставка удержания — от 0 до 30 %.",
                    "The withholding rate is 0 to 30 %."));
        }
    }

    private static String country(String field, String value) {
        String code = Requests.required(blank(value) ? null : value, field).strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw Requests.invalid(field, text("{code} — ISO 3166 ел коды емес (мысалы, KZ).",
                    "{code} — не код страны ISO 3166 (например, KZ).", "{code} is not an ISO 3166 country code (e.g. KZ).")
                    .format(Map.of("code", code)));
        }
        return code;
    }

    private static String latin(String field, String value, int most) {
        String text = Requests.required(blank(value) ? null : value, field).strip().replaceAll("\\s+", " ");
        if (text.length() > most || !text.matches(LATIN)) {
            throw Requests.invalid(field, text("Нысан ағылшын тілінде толтырылады: латын әріптері, {most} таңбаға дейін.",
                    "Форма заполняется по-английски: латинскими буквами, до {most} знаков.",
                    "The form is filled in English: Latin letters, up to {most} characters.").format(Map.of("most", most)));
        }
        return text;
    }

    private static String optionalLatin(String field, String value, int most) {
        return blank(value) ? null : latin(field, value, most);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalizedText text(String kk, String ru, String en) {
        return LocalizedText.of(kk, ru, en);
    }

}
