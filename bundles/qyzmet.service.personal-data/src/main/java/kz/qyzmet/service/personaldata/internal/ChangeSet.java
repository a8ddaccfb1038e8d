package kz.qyzmet.service.personaldata.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

import kz.qyzmet.auth.api.ContactChanges;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;

/**
 * A change of personal data as checked and completed: only what differs from the
 * record, each value in its normal form (E.164 phone, lower-case e-mail, upper-case
 * IBAN and BIC), a new identity document whole (kind, number, date of issue), bank
 * details whole (IBAN valid for its country, BIC of the same country).
 */
record ChangeSet(PersonalDataService.Request request, List<Line> lines) {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** One changed field, as the client confirms it. */
    record Line(LocalizedText label, String value) {
    }

    String phone() {
        return request.phone();
    }

    String email() {
        return request.email();
    }

    static ChangeSet of(PersonalDataService.Request asked, ClientData current, ContactChanges contacts, Instant now) {
        List<Line> lines = new ArrayList<>();
        String phone = changed(asked.phone(), value -> contacts.normalise(MessageChannel.SMS, value).orElseThrow(
                () -> Requests.invalid("phone", LocalizedText.of("Телефон нөмірі +7 701 123 45 67 түрінде болуы керек.",
                        "Номер телефона — в виде +7 701 123 45 67.", "A phone number like +7 701 123 45 67."))),
                current.phone(), "phone");
        add(lines, LocalizedText.of("Телефон", "Телефон", "Phone"), phone);
        String email = changed(asked.email(), value -> contacts.normalise(MessageChannel.EMAIL, value).orElseThrow(
                () -> Requests.invalid("email", LocalizedText.of("E-mail мекенжайы қате.", "Неверный адрес e-mail.",
                        "Not an e-mail address."))), current.email(), "email");
        add(lines, LocalizedText.of("E-mail", "E-mail", "E-mail"), email);
        String address = changed(asked.postalAddress(), String::strip, current.postalAddress(), "postalAddress");
        add(lines, LocalizedText.of("Пошталық мекенжай", "Почтовый адрес", "Postal address"), address);

        String scans = blankToNull(asked.documentScans());
        String documentType = blankToNull(asked.documentType());
        String documentNumber = blankToNull(asked.documentNumber());
        String issued = blankToNull(asked.documentIssuedOn());
        if (documentType != null || documentNumber != null || issued != null) {
            Requests.required(documentType, "documentType");
            Requests.required(documentNumber, "documentNumber");
            Requests.required(issued, "documentIssuedOn");
            documentNumber = documentNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            if (!documentNumber.matches("[A-Z0-9]{5,20}")) {
                throw Requests.invalid("documentNumber", LocalizedText.of("Құжат нөмірі — 5–20 әріп пен сан.",
                        "Номер документа — 5–20 букв и цифр.", "A document number is 5 to 20 letters and digits."));
            }
            LocalDate issuedOn = issuedOn(issued, now);
            add(lines, LocalizedText.of("Құжат", "Документ", "Document"), documentType + " " + documentNumber + ", " + issuedOn);
            issued = issuedOn.toString();
        } else if (scans != null) {
            throw Requests.invalid("documentScans", LocalizedText.of("Скан тек жаңа құжатпен бірге беріледі.",
                    "Скан прилагается только к новому документу.", "A scan goes only with a new document."));
        }

        String iban = blankToNull(asked.bankAccount());
        String bic = blankToNull(asked.bankBic());
        String bank = blankToNull(asked.bankName());
        if (iban != null || bic != null || bank != null) {
            iban = Requests.required(iban, "bankAccount").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            bic = Requests.required(bic, "bankBic").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            try {
                IbanUtil.validate(iban);
            } catch (Iban4jException | IllegalArgumentException invalid) {
                throw Requests.invalid("bankAccount", LocalizedText.of("{iban} IBAN қате (ел форматы немесе бақылау сандары).",
                        "IBAN {iban} неверен (формат страны или контрольные цифры).",
                        "The IBAN {iban} is not valid (its country's format or check digits).").format(Map.of("iban", iban)));
            }
            if (!bic.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?") || !bic.substring(4, 6).equals(iban.substring(0, 2))) {
                throw Requests.invalid("bankBic", LocalizedText.of("BIC — 8 немесе 11 таңба, шоттың елі ({country}).",
                        "BIC — 8 или 11 знаков, страна счёта ({country}).",
                        "A BIC has 8 or 11 characters and the account's country ({country}).")
                        .format(Map.of("country", iban.substring(0, 2))));
            }
            if (iban.equals(current.bankAccount()) && bic.equals(current.bankBic())) {
                throw Requests.invalid("bankAccount", LocalizedText.of("Бұл шот тіркелген.", "Этот счёт уже зарегистрирован.",
                        "This account is on record already."));
            }
            add(lines, LocalizedText.of("Банк деректемелері", "Банковские реквизиты", "Bank details"),
                    (bank == null ? "" : bank + ", ") + iban + ", BIC " + bic);
        }
        String profile = changed(asked.economicProfile(), String::strip, current.economicProfile(), "economicProfile");
        add(lines, LocalizedText.of("Экономикалық профиль", "Экономический профиль", "Economic profile"), profile);

        if (lines.isEmpty()) {
            throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of("Өзгертілетін кемінде бір деректі көрсетіңіз.",
                    "Укажите хотя бы одно изменение.", "Name at least one change."));
        }
        return new ChangeSet(new PersonalDataService.Request(phone, email, address, documentType, documentNumber, issued,
                documentNumber == null ? null : scans, bank, bic, iban, profile), List.copyOf(lines));
    }

    /** The same change with the new document's scans as checked: their ids kept, each confirmed by name and SHA-256. */
    ChangeSet withScans(List<kz.qyzmet.uploads.api.Upload> scans) {
        PersonalDataService.Request r = request;
        List<Line> all = new ArrayList<>(lines);
        all.add(new Line(LocalizedText.of("Құжат сканы", "Скан документа", "Document scan"), String.join(", ", scans.stream()
                .map(scan -> scan.fileName() + " (SHA-256 " + scan.sha256() + ")").toList())));
        return new ChangeSet(new PersonalDataService.Request(r.phone(), r.email(), r.postalAddress(), r.documentType(),
                r.documentNumber(), r.documentIssuedOn(), String.join(",", scans.stream().map(kz.qyzmet.uploads.api.Upload::id)
                        .toList()), r.bankName(), r.bankBic(), r.bankAccount(), r.economicProfile()), List.copyOf(all));
    }

    /** What the client confirms (§25.2): each field and its new value. */
    LocalizedText summary() {
        java.util.function.Function<Language, String> text = language -> String.join("; ", lines.stream()
                .map(line -> line.label().in(language) + ": " + line.value()).toList());
        return LocalizedText.of("Дербес деректерді өзгерту — " + text.apply(Language.KK),
                "Изменение персональных данных — " + text.apply(Language.RU),
                "Change of personal data — " + text.apply(Language.EN));
    }

    /** The record's update: the changed fields, null for the rest (unchanged). */
    static ClientData recordChanges(PersonalDataService.Request request) {
        return new ClientData(null, null, null, request.phone(), request.email(), request.postalAddress(),
                request.documentType(), request.documentNumber(),
                request.documentIssuedOn() == null ? null : LocalDate.parse(request.documentIssuedOn()), request.bankName(),
                request.bankBic(), request.bankAccount(), request.economicProfile(), null, null, null);
    }

    private static String changed(String asked, java.util.function.UnaryOperator<String> normal, String current, String field) {
        String value = blankToNull(asked);
        if (value == null) {
            return null;
        }
        String normalised = normal.apply(value);
        if (Objects.equals(normalised, current)) {
            throw Requests.invalid(field, LocalizedText.of("Бұл мән қазірдің өзінде тіркелген.", "Это значение уже записано.",
                    "This is the value on record already."));
        }
        return normalised;
    }

    private static LocalDate issuedOn(String value, Instant now) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Requests.invalid("documentIssuedOn", LocalizedText.of("Күні ЖЖЖЖ-АА-КК түрінде.", "Дата — в виде ГГГГ-ММ-ДД.",
                    "A date as YYYY-MM-DD."));
        }
        if (date.isAfter(LocalDate.ofInstant(now, ALMATY)) || date.getYear() < 1900) {
            throw Requests.invalid("documentIssuedOn", LocalizedText.of("Берілген күні болашақта бола алмайды.",
                    "Дата выдачи не может быть в будущем.", "The date of issue cannot be in the future."));
        }
        return date;
    }

    private static void add(List<Line> lines, LocalizedText label, String value) {
        if (value != null) {
            lines.add(new Line(label, value));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
