package kz.qyzmet.service.personaldata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kz.qyzmet.auth.api.ContactChanges;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientKind;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.ProblemException;

/** A change of personal data is checked field by field and keeps only what differs (issue #16, §7.2). */
class ChangeSetTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final ClientData CURRENT = new ClientData(ClientKind.INDIVIDUAL, "900101300126", "Айгерім Сапарова",
            "+77010000101", "aigerim@mail.kz", "Алматы, Абай 10", "id-card", "012345678", java.time.LocalDate.of(2020, 1, 5),
            "Halyk Bank", "HSBKKZKX", "KZ86601A861000000001", null, "KZ", false, null);

    /**
     * The auth bundle's normal forms; a change set only normalises, so proving or
     * changing contacts from here fails the test loudly.
     */
    private static final ContactChanges CONTACTS = new ContactChanges() {
        @Override
        public Optional<String> normalise(String channel, String value) {
            String digits = value.replaceAll("[\\s()-]", "");
            return channel.equals("sms") ? Optional.of(digits).filter(d -> d.matches("\\+[1-9][0-9]{7,14}"))
                    : Optional.of(value.strip().toLowerCase()).filter(e -> e.contains("@"));
        }

        @Override
        public Instant sendProof(Session session, String channel, String recipient, Caller origin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void prove(Session session, String channel, String recipient, String code, Caller origin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean proven(String identityId, String channel, String recipient, Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void change(String clientId, String phone, String email, Caller actor) {
            throw new UnsupportedOperationException();
        }
    };

    private static PersonalDataService.Request request(String phone, String email, String iban, String bic) {
        return new PersonalDataService.Request(phone, email, null, null, null, null, null, iban == null ? null : "Kaspi Bank", bic,
                iban, null);
    }

    private static String field(ProblemException problem) {
        return String.valueOf(problem.extensions().get("field"));
    }

    @Test
    void onlyWhatDiffersIsKeptInItsNormalFormAndConfirmedLineByLine() {
        ChangeSet changes = ChangeSet.of(request("+7 702 555 12 34", " New@Mail.KZ ", "kz03 722C 0000 2222 2221", "caspkzka"),
                CURRENT, CONTACTS, NOW);
        assertEquals("+77025551234", changes.phone());
        assertEquals("new@mail.kz", changes.email());
        assertEquals("KZ03722C000022222221", changes.request().bankAccount());
        String summary = changes.summary().ru();
        assertTrue(summary.contains("Телефон: +77025551234") && summary.contains("E-mail: new@mail.kz")
                && summary.contains("KZ03722C000022222221, BIC CASPKZKA"), summary);
        ClientData update = ChangeSet.recordChanges(changes.request());
        assertNull(update.name(), "the rest stays as it is");
        assertNull(update.postalAddress());
        assertEquals("CASPKZKA", update.bankBic());
    }

    @Test
    void eachWrongFieldIsNamed() {
        assertEquals("bankAccount", field(assertThrows(ProblemException.class, () -> ChangeSet.of(request(null, null,
                "KZ03722C000022222222", "CASPKZKA"), CURRENT, CONTACTS, NOW))), "check digits");
        assertEquals("bankBic", field(assertThrows(ProblemException.class, () -> ChangeSet.of(request(null, null,
                "KZ03722C000022222221", "DEUTDEFF"), CURRENT, CONTACTS, NOW))), "a German BIC for a Kazakh account");
        assertEquals("bankBic", field(assertThrows(ProblemException.class, () -> ChangeSet.of(request(null, null,
                "KZ03722C000022222221", null), CURRENT, CONTACTS, NOW))), "bank details are whole");
        assertEquals("phone", field(assertThrows(ProblemException.class, () -> ChangeSet.of(request("12345", null, null, null),
                CURRENT, CONTACTS, NOW))));
        assertEquals("phone", field(assertThrows(ProblemException.class, () -> ChangeSet.of(request("+77010000101", null, null,
                null), CURRENT, CONTACTS, NOW))), "the phone on record already");
        PersonalDataService.Request partialDocument = new PersonalDataService.Request(null, null, null, "passport", "N1234567",
                null, null, null, null, null, null);
        assertEquals("documentIssuedOn", field(assertThrows(ProblemException.class, () -> ChangeSet.of(partialDocument, CURRENT,
                CONTACTS, NOW))), "a document is whole");
        PersonalDataService.Request future = new PersonalDataService.Request(null, null, null, "passport", "N1234567",
                "2027-01-01", null, null, null, null, null);
        assertEquals("documentIssuedOn", field(assertThrows(ProblemException.class, () -> ChangeSet.of(future, CURRENT, CONTACTS,
                NOW))));
        PersonalDataService.Request scanAlone = new PersonalDataService.Request(null, null, "Almaty, Abay 1", null, null, null,
                "00000000-0000-0000-0000-000000000000", null, null, null, null);
        assertEquals("documentScans", field(assertThrows(ProblemException.class, () -> ChangeSet.of(scanAlone, CURRENT, CONTACTS,
                NOW))), "a scan without a new document");
        ProblemException nothing = assertThrows(ProblemException.class, () -> ChangeSet.of(request(" ", null, null, null),
                CURRENT, CONTACTS, NOW));
        assertEquals(400, nothing.status());
    }
}
