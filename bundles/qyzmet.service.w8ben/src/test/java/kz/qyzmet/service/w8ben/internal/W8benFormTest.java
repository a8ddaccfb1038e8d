package kz.qyzmet.service.w8ben.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import kz.qyzmet.common.api.ProblemException;

/** Form W-8BEN is checked line by line and each refusal names its line's field (issue #16). */
class W8benFormTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    /** Born 1990-01-01: an IIN starting 900101 with a valid control digit. */
    static final String IIN = "900101300126";

    static W8benService.Request valid() {
        return new W8benService.Request("Aigerim Saparova", "kz", "Abay Ave 10, apt. 5", "Almaty 050000", "KZ", null, null, null,
                null, "9001 0130 0126", null, null, "1990-01-01", "KZ", "10(2)(b)", "15%", "dividends", null, null, null);
    }

    private static String refusedField(UnaryOperator<W8benService.Request> change) {
        ProblemException refused = assertThrows(ProblemException.class, () -> W8benForm.check(change.apply(valid()), TODAY));
        assertEquals(400, refused.status());
        return String.valueOf(refused.extensions().get("field"));
    }

    private static W8benService.Request with(W8benService.Request r, String field, String value) {
        return new W8benService.Request(field.equals("name") ? value : r.name(), field.equals("citizenship") ? value : r.citizenship(),
                field.equals("residenceAddress") ? value : r.residenceAddress(), r.residenceCity(),
                field.equals("residenceCountry") ? value : r.residenceCountry(), r.mailingAddress(),
                field.equals("mailingCity") ? value : r.mailingCity(), r.mailingCountry(), field.equals("usTin") ? value : r.usTin(),
                field.equals("foreignTin") ? value : r.foreignTin(), field.equals("ftinNotRequired") ? value : r.ftinNotRequired(),
                r.reference(), field.equals("dateOfBirth") ? value : r.dateOfBirth(),
                field.equals("treatyCountry") ? value : r.treatyCountry(), r.treatyArticle(),
                field.equals("treatyRate") ? value : r.treatyRate(), r.treatyIncome(), r.treatyConditions(),
                field.equals("capacity") ? value : r.capacity(), r.signerName());
    }

    @Test
    void aValidFormIsCompletedInItsNormalForm() {
        W8benService.Request form = W8benForm.check(valid(), TODAY);
        assertEquals("KZ", form.citizenship());
        assertEquals(IIN, form.foreignTin());
        assertEquals("15", form.treatyRate());
        assertEquals("beneficial-owner", form.capacity());
        assertEquals("Aigerim Saparova", form.signerName(), "the beneficial owner signs for themself");
        assertTrue(W8benService.summary(form).en().contains("Under penalties of perjury"));
    }

    @Test
    void eachWrongLineIsNamed() {
        assertEquals("citizenship", refusedField(r -> with(r, "citizenship", "US")), "a US citizen files W-9");
        assertEquals("citizenship", refusedField(r -> with(r, "citizenship", "XX")), "not an ISO 3166 code");
        assertEquals("residenceAddress", refusedField(r -> with(r, "residenceAddress", "P.O. Box 17")));
        assertEquals("name", refusedField(r -> with(r, "name", "Айгерім Сапарова")), "the form is in English");
        assertEquals("foreignTin", refusedField(r -> with(r, "foreignTin", "900101300127")), "a wrong control digit");
        assertEquals("foreignTin", refusedField(r -> with(r, "dateOfBirth", "1991-01-01")), "the IIN is of another birthday");
        assertEquals("foreignTin", refusedField(r -> with(r, "foreignTin", null)), "neither a TIN nor why none");
        assertEquals("treatyCountry", refusedField(r -> with(r, "treatyCountry", "RU")), "a treaty of another country");
        assertEquals("treatyRate", refusedField(r -> with(r, "treatyRate", "45")));
        assertEquals("usTin", refusedField(r -> with(r, "usTin", "12-34")));
        assertEquals("mailingCountry", refusedField(r -> with(r, "mailingCity", "Astana")), "a mailing address names its country");
        assertEquals("dateOfBirth", refusedField(r -> with(r, "dateOfBirth", "2027-01-01")));
        assertEquals("signerName", refusedField(r -> with(r, "capacity", "authorized-representative")));
    }

    @Test
    void noTinIsAcceptedWithTheReasonAndKnownFormatsAreChecked() {
        W8benService.Request form = W8benForm.check(with(with(valid(), "foreignTin", null), "ftinNotRequired",
                "Not issued to non-residents"), TODAY);
        assertEquals("Not issued to non-residents", form.ftinNotRequired());
        assertTrue(W8benForm.validInn("500100732259"), "a valid Russian INN");
        assertFalse(W8benForm.validInn("500100732258"));
        assertTrue(W8benForm.validIin(IIN, LocalDate.of(1990, 1, 1)));
    }

    @Test
    void aFormIsInEffectUntilTheEndOfTheThirdCalendarYearAfterSigning() {
        assertEquals(LocalDate.of(2029, 12, 31), W8benService.validUntil(LocalDate.of(2026, 12, 2)));
        assertEquals(LocalDate.of(2029, 12, 31), W8benService.validUntil(LocalDate.of(2026, 1, 1)));
    }
}
