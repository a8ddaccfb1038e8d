package kz.qyzmet.clients.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One version of a {@code client} row; times UTC. */
public class ClientRow {
    public String id;
    public String kind;
    public String taxId;
    public String name;
    public String phone;
    public String email;
    public String postalAddress;
    public String documentType;
    public String documentNumber;
    public LocalDate documentIssuedOn;
    public String bankName;
    public String bankBic;
    public String bankAccount;
    public String economicProfile;
    public String taxResidency;
    public Boolean usPerson;
    public LocalDate w8benSignedOn;
    public String changedBy;
    public LocalDateTime validFrom;
    public LocalDateTime validTo;
}
