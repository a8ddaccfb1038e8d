package kz.qyzmet.clients.api;

import java.time.LocalDate;

/**
 * What the broker knows about a client. In an update, null means "unchanged".
 *
 * @param taxId           IIN of an individual or BIN of a legal entity (12 digits with check digit)
 * @param name            full name, or the legal entity's name
 * @param phone           mobile phone, E.164
 * @param economicProfile the client's economic profile (free text or JSON the onboarding form produced)
 * @param taxResidency    ISO 3166 alpha-2 country of tax residency
 * @param usPerson        FATCA status
 * @param w8benSignedOn   when the W-8BEN form was signed (non-US persons)
 */
public record ClientData(ClientKind kind, String taxId, String name, String phone, String email, String postalAddress,
        String documentType, String documentNumber, LocalDate documentIssuedOn, String bankName, String bankBic,
        String bankAccount, String economicProfile, String taxResidency, Boolean usPerson, LocalDate w8benSignedOn) {
}
