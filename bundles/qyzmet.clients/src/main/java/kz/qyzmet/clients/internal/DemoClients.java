package kz.qyzmet.clients.internal;

import java.time.LocalDate;
import java.util.Map;

import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientKind;

/**
 * The sample clients of dev and demo mode, matching the identities (aigerim,
 * nurlan) and ledger accounts the other bundles seed: made-up people with valid
 * IIN and IBAN check digits, so that every service can be tried with them.
 */
final class DemoClients {
    static final Map<String, ClientData> RECORDS = Map.of(
            "DEMO-0001", new ClientData(ClientKind.INDIVIDUAL, "900101300126", "Айгерім Серікқызы Демо", "+77010000101",
                    "aigerim@example.kz", "Алматы, Абай даңғылы, 1", "ID card", "000000001", LocalDate.of(2020, 1, 15),
                    "Halyk Bank", "HSBKKZKX", "KZ86601A861000000001", null, "KZ", false, LocalDate.of(2024, 3, 1)),
            "DEMO-0002", new ClientData(ClientKind.INDIVIDUAL, "880525400677", "Нұрлан Бекұлы Демо", "+77010000102",
                    "nurlan@example.kz", "Астана, Қабанбай батыр даңғылы, 2", "ID card", "000000002",
                    LocalDate.of(2019, 6, 1), "Kaspi Bank", "CASPKZKA", "KZ03722C000022222221", null, "KZ", false, null));

    private DemoClients() {
    }
}
