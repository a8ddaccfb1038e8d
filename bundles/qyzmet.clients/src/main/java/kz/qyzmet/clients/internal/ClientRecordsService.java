package kz.qyzmet.clients.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.ibatis.exceptions.PersistenceException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.qyzmet.clients.api.Client;
import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientKind;
import kz.qyzmet.clients.api.ClientPage;
import kz.qyzmet.clients.api.ClientQuery;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.clients.api.ClientVersion;
import kz.qyzmet.clients.api.SavedSearch;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * Client records on a system-versioned table: the database keeps every former
 * version with the time it was valid, so a search by a former name or phone
 * finds the client and a record can be read as it was on any date (rules §16).
 */
@Component
public class ClientRecordsService implements ClientRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern BIC = Pattern.compile("[A-Z0-9]{8}([A-Z0-9]{3})?");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    private final Database database;
    private final Clock clock;

    @Activate
    public ClientRecordsService(@Reference Persistence persistence, @Reference Clock clock, BundleContext context) {
        this.database = persistence.open(context.getBundle(), "clients", ClientMapper.class);
        this.clock = clock;
        String mode = context.getProperty("qyzmet.mode");
        if ("dev".equals(mode) || "demo".equals(mode)) {
            DemoClients.RECORDS.forEach(this::seed);
        }
    }

    /**
     * Dev and demo mode (rules §4): the records of the sample clients, under the ids their
     * identities and ledger accounts use ({@code DEMO-0001}, {@code DEMO-0002}), made once.
     */
    private void seed(String id, ClientData data) {
        if (find(id).isPresent()) {
            return;
        }
        ClientRow row = merge(new ClientRow(), data);
        row.id = id;
        row.changedBy = "demo-seeder";
        validate(row);
        database.inTransaction(session -> {
            session.getMapper(ClientMapper.class).insert(row);
            return null;
        });
    }

    @Override
    public Client create(ClientData data, String actor) {
        ClientRow row = merge(new ClientRow(), data);
        row.id = UUID.randomUUID().toString();
        row.changedBy = actor;
        validate(row);
        try {
            return database.inTransaction(session -> {
                ClientMapper clients = session.getMapper(ClientMapper.class);
                clients.insert(row);
                return toClient(clients.current(row.id));
            });
        } catch (PersistenceException e) {
            throw duplicateTaxIdOr(e, row.taxId);
        }
    }

    @Override
    public Client update(String id, ClientData changes, String actor) {
        try {
            return database.inTransaction(session -> {
                ClientMapper clients = session.getMapper(ClientMapper.class);
                ClientRow row = clients.lock(id);
                if (row == null) {
                    throw unknown(id);
                }
                merge(row, changes);
                row.changedBy = actor;
                validate(row);
                clients.update(row);
                return toClient(clients.current(id));
            });
        } catch (PersistenceException e) {
            throw duplicateTaxIdOr(e, changes.taxId());
        }
    }

    @Override
    public Optional<Client> find(String id) {
        return Optional.ofNullable(database.read(session -> session.getMapper(ClientMapper.class).current(id)))
                .map(ClientRecordsService::toClient);
    }

    @Override
    public Optional<Client> asOf(String id, Instant at) {
        LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return Optional.ofNullable(database.read(session -> session.getMapper(ClientMapper.class).asOf(id, utc)))
                .map(ClientRecordsService::toClient);
    }

    @Override
    public List<ClientVersion> history(String id) {
        return database.read(session -> session.getMapper(ClientMapper.class).history(id)).stream()
                .map(row -> new ClientVersion(data(row), row.validFrom.toInstant(ZoneOffset.UTC),
                        row.validTo.getYear() >= 2038 ? null : row.validTo.toInstant(ZoneOffset.UTC)))
                .toList();
    }

    @Override
    public ClientPage search(ClientQuery query) {
        check(query);
        return database.read(session -> {
            ClientMapper clients = session.getMapper(ClientMapper.class);
            return new ClientPage(clients.search(query).stream().map(ClientRecordsService::toClient).toList(),
                    clients.count(query));
        });
    }

    /** Unknown fields, bad sort keys and page sizes are refused by name before any SQL is built. */
    static void check(ClientQuery query) {
        for (String field : query.criteria().keySet()) {
            if (!FIELDS.contains(field)) {
                throw invalid(field, "Бұл өріс бойынша іздеуге болмайды: {field}.", "По этому полю нельзя искать: {field}.",
                        "Cannot search by this field: {field}.");
            }
        }
        for (String sort : query.sort()) {
            String field = sort.startsWith("-") ? sort.substring(1) : sort;
            if (!FIELDS.contains(field)) {
                throw invalid("sort", "Бұл өріс бойынша сұрыптауға болмайды: " + field + ".",
                        "По этому полю нельзя сортировать: " + field + ".", "Cannot sort by this field: " + field + ".");
            }
        }
        if (query.limit() < 1 || query.limit() > ClientQuery.MAX_LIMIT || query.offset() < 0) {
            throw invalid("limit", "limit 1..500 және offset ≥ 0 болуы керек.", "limit должен быть 1..500, offset ≥ 0.",
                    "limit must be 1..500 and offset ≥ 0.");
        }
    }

    @Override
    public SavedSearch saveSearch(String operator, String name, ClientQuery query) {
        check(query);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw invalid("name", "Іздеуге 100 таңбаға дейін атау беріңіз.", "Дайте поиску название до 100 символов.",
                    "Give the search a name of up to 100 characters.");
        }
        SavedSearchRow row = new SavedSearchRow();
        row.operator = operator;
        row.name = name.strip();
        row.createdAt = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        try {
            row.query = JSON.writeValueAsString(query);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the search", e);
        }
        try {
            database.inTransaction(session -> {
                session.getMapper(ClientMapper.class).insertSearch(row);
                return null;
            });
        } catch (PersistenceException e) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "«{name}» атты іздеу бар.", "Поиск «{name}» уже есть.", "A search named '{name}' exists already.")
                    .format(Map.of("name", row.name)));
        }
        return toSearch(row);
    }

    @Override
    public List<SavedSearch> savedSearches(String operator) {
        return database.read(session -> session.getMapper(ClientMapper.class).savedSearches(operator)).stream()
                .map(ClientRecordsService::toSearch).toList();
    }

    @Override
    public Optional<SavedSearch> savedSearch(String operator, long id) {
        return Optional.ofNullable(database.read(session -> session.getMapper(ClientMapper.class).savedSearch(operator, id)))
                .map(ClientRecordsService::toSearch);
    }

    private static SavedSearch toSearch(SavedSearchRow row) {
        try {
            return new SavedSearch(row.id, row.operator, row.name, JSON.readValue(row.query, ClientQuery.class),
                    row.createdAt.toInstant(ZoneOffset.UTC));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saved search " + row.id + " cannot be read", e);
        }
    }

    /** Rules §29: every problem with the data is named, by field. */
    static void validate(ClientRow row) {
        List<String> problems = new ArrayList<>();
        if (row.kind == null) {
            problems.add("kind");
        }
        if (!TaxIds.valid(row.taxId)) {
            problems.add("taxId");
        }
        if (row.name == null || row.name.isBlank() || row.name.length() > 300) {
            problems.add("name");
        }
        if (row.phone != null && !PHONE.matcher(row.phone).matches()) {
            problems.add("phone");
        }
        if (row.email != null && (!EMAIL.matcher(row.email).matches() || row.email.length() > 200)) {
            problems.add("email");
        }
        if (row.taxResidency != null && !COUNTRY.matcher(row.taxResidency).matches()) {
            problems.add("taxResidency");
        }
        if (row.bankBic != null && !BIC.matcher(row.bankBic).matches()) {
            problems.add("bankBic");
        }
        if (row.bankAccount != null && !IBAN.matcher(row.bankAccount).matches()) {
            problems.add("bankAccount");
        }
        if (!problems.isEmpty()) {
            String fields = String.join(", ", problems);
            throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of(
                    "Клиент деректері қате: {fields}.", "Неверные данные клиента: {fields}.", "Invalid client data: {fields}.")
                    .format(Map.of("fields", fields)), Map.of("fields", problems), Map.of());
        }
    }

    private static ClientRow merge(ClientRow row, ClientData data) {
        if (data.kind() != null) {
            row.kind = data.kind().name();
        }
        row.taxId = pick(data.taxId(), row.taxId);
        row.name = pick(data.name(), row.name);
        row.phone = pick(data.phone(), row.phone);
        row.email = pick(data.email(), row.email);
        row.postalAddress = pick(data.postalAddress(), row.postalAddress);
        row.documentType = pick(data.documentType(), row.documentType);
        row.documentNumber = pick(data.documentNumber(), row.documentNumber);
        row.documentIssuedOn = data.documentIssuedOn() != null ? data.documentIssuedOn() : row.documentIssuedOn;
        row.bankName = pick(data.bankName(), row.bankName);
        row.bankBic = pick(data.bankBic(), row.bankBic);
        row.bankAccount = pick(data.bankAccount(), row.bankAccount);
        row.economicProfile = pick(data.economicProfile(), row.economicProfile);
        row.taxResidency = pick(data.taxResidency(), row.taxResidency);
        row.usPerson = data.usPerson() != null ? data.usPerson() : row.usPerson;
        row.w8benSignedOn = data.w8benSignedOn() != null ? data.w8benSignedOn() : row.w8benSignedOn;
        return row;
    }

    private static String pick(String change, String current) {
        return change != null ? change.strip() : current;
    }

    private static RuntimeException duplicateTaxIdOr(PersistenceException e, String taxId) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == 1062) {
                return new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                        "{taxId} СТН/БСН бар клиент бар.", "Клиент с ИИН/БИН {taxId} уже есть.",
                        "A client with IIN/BIN {taxId} exists already.").format(Map.of("taxId", String.valueOf(taxId))),
                        Map.of("field", "taxId"), Map.of());
            }
        }
        return e;
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("{id} клиенті жоқ.", "Клиента {id} нет.",
                "There is no client {id}.").format(Map.of("id", id)));
    }

    private static ProblemException invalid(String field, String kk, String ru, String en) {
        return new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of(kk, ru, en).format(Map.of("field", field)),
                Map.of("field", field), Map.of());
    }

    private static Client toClient(ClientRow row) {
        return new Client(row.id, data(row), row.validFrom.toInstant(ZoneOffset.UTC));
    }

    private static ClientData data(ClientRow row) {
        return new ClientData(ClientKind.valueOf(row.kind), row.taxId, row.name, row.phone, row.email, row.postalAddress,
                row.documentType, row.documentNumber, row.documentIssuedOn, row.bankName, row.bankBic, row.bankAccount,
                row.economicProfile, row.taxResidency, row.usPerson, row.w8benSignedOn);
    }
}
