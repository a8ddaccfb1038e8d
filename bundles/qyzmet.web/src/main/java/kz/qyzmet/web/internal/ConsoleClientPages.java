package kz.qyzmet.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.clients.api.Client;
import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientPage;
import kz.qyzmet.clients.api.ClientQuery;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.clients.api.ClientVersion;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Ledger;

/**
 * Clients in the console (rules §16): search by any field and any combination,
 * former data included on request, sorted, saved searches; one client's record
 * now or as of a day, its history, and its account's balances as of that day.
 * Searching is a plain form whose answer is the page; saving a search goes
 * through the operator API.
 */
@Component(service = ConsoleClientPages.class)
@WebResource
@Path("console/clients")
@Produces(Pages.HTML)
public class ConsoleClientPages extends PageResource {
    /** The fields a search form offers, in this order. */
    static final List<String> FIELDS = List.of("name", "taxId", "phone", "email", "documentNumber", "id");
    private final Pages pages;
    private final ConsoleAccess access;
    private final ClientRecords clients;
    private final Ledger ledger;

    @Activate
    public ConsoleClientPages(@Reference Pages pages, @Reference ConsoleAccess access, @Reference ClientRecords clients,
            @Reference Ledger ledger) {
        this.pages = pages;
        this.access = access;
        this.clients = clients;
        this.ledger = ledger;
    }

    /** A client in a list of results. */
    public record Line(String id, String name, String taxId, String phone, String email, String since, String href) {
    }

    /** A field of a record: label key and value. */
    public record Field(String key, String value) {
    }

    @GET
    public Response search(@QueryParam("former") String former, @QueryParam("sort") String sort,
            @QueryParam("saved") Long saved) {
        PageContext context = access.operator(context("console"));
        Map<String, String> criteria = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = uri.getQueryParameters().getFirst(field);
            if (value != null && !value.isBlank()) {
                criteria.put(field, value.strip());
            }
        }
        String operator = context.session().login();
        ClientQuery asked = new ClientQuery(criteria, former != null, sort == null || sort.isBlank() ? List.of("name")
                : List.of(sort), 100, 0);
        // a saved search runs as it was saved through the operator API, under the operator's login (its caller there)
        ClientQuery query = saved == null ? asked : clients.savedSearch(operator, saved).orElseThrow(NotFoundException::new).query();
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        FIELDS.forEach(field -> shown.put(field, query.criteria().getOrDefault(field, "")));
        model.put("criteria", shown);
        model.put("former", query.includeFormer());
        model.put("sort", query.sort().isEmpty() ? "name" : query.sort().get(0));
        model.put("searched", !query.criteria().isEmpty() || saved != null);
        model.put("saved", clients.savedSearches(operator));
        if (!query.criteria().isEmpty() || saved != null) {
            try {
                ClientPage page = clients.search(query);
                model.put("results", page.clients().stream().map(client -> line(client, context)).toList());
                model.put("total", page.total());
            } catch (ProblemException refused) {
                model.put("refusal", refused.detail().in(context.language()));
            }
        }
        return pages.page("console/clients", context, model);
    }

    @GET
    @Path("{id}")
    public Response client(@PathParam("id") String id, @QueryParam("asOf") String asOf, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        PageContext context = access.operator(context("console"));
        Instant at = null;
        String badDate = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                at = LocalDate.parse(asOf.strip()).plusDays(1).atStartOfDay(Formats.BROKER_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                badDate = asOf;
            }
        }
        Instant moment = at;
        Optional<Client> record = moment == null ? clients.find(id) : clients.asOf(id, moment);
        if (record.isEmpty() && clients.find(id).isEmpty()) {
            throw new NotFoundException();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id);
        model.put("asOf", asOf == null ? "" : asOf);
        model.put("badDate", badDate != null);
        model.put("fields", record.map(client -> fields(client.data())).orElse(List.of()));
        model.put("existed", record.isPresent());
        List<Map<String, String>> history = new ArrayList<>();
        for (ClientVersion version : clients.history(id)) {
            history.add(Map.of("from", context.time(version.from()), "to", version.to() == null ? "—" : context.time(version.to()),
                    "name", String.valueOf(version.data().name()), "phone", String.valueOf(version.data().phone()),
                    "documentNumber", String.valueOf(version.data().documentNumber())));
        }
        model.put("history", history);
        List<Map<String, String>> balances = new ArrayList<>();
        if (ledger.account(id).isPresent()) {
            for (Balance balance : moment == null ? ledger.balances(id) : ledger.balancesAsOf(id, moment)) {
                Asset asset = ledger.asset(balance.asset()).orElse(new Asset(balance.asset(), AssetKind.CURRENCY, 2, balance.asset()));
                balances.add(Map.of("asset", asset.code(), "available", context.amount(balance.available(), asset.scale()),
                        "held", context.amount(balance.held(), asset.scale()), "blocked", context.amount(balance.blocked(),
                                asset.scale()), "total", context.amount(balance.total(), asset.scale())));
            }
        }
        model.put("balances", balances);
        operations(id, from, to, context, model);
        return pages.page("console/client", context, model);
    }

    /** The most operations the page lists; the rest is the operations report's (a document, §7.1.2). */
    static final int OPERATIONS_SHOWN = 200;

    /**
     * The account's operations of a period (issue #14): the days {@code from} to
     * {@code to} (Almaty), the last 30 days by default, newest last as the ledger
     * lists them, at most {@value #OPERATIONS_SHOWN}.
     */
    private void operations(String id, String from, String to, PageContext context, Map<String, Object> model) {
        LocalDate today = LocalDate.now(Formats.BROKER_ZONE);
        LocalDate last = date(to, today);
        LocalDate first = date(from, last.minusDays(30));
        boolean bad = last == null || first == null || first.isAfter(last);
        model.put("from", first == null ? String.valueOf(from) : first.toString());
        model.put("to", last == null ? String.valueOf(to) : last.toString());
        model.put("badPeriod", bad);
        List<Map<String, String>> rows = new ArrayList<>();
        long[] total = { 0 };
        if (!bad && ledger.account(id).isPresent()) {
            Map<String, Integer> scales = new java.util.HashMap<>();
            ledger.operations(id, first.atStartOfDay(Formats.BROKER_ZONE).toInstant(),
                    last.plusDays(1).atStartOfDay(Formats.BROKER_ZONE).toInstant(), operation -> {
                        if (++total[0] > OPERATIONS_SHOWN) {
                            return;
                        }
                        int scale = scales.computeIfAbsent(operation.asset(), code -> ledger.asset(code).map(Asset::scale).orElse(2));
                        rows.add(Map.of("at", context.time(operation.postedAt()), "kind",
                                context.text(kz.qyzmet.ledger.api.OperationKinds.label(operation.kind())), "description",
                                operation.description(), "asset", operation.asset(), "sub",
                                context.text(kz.qyzmet.ledger.api.OperationKinds.label(operation.subAccount())), "amount",
                                context.amount(operation.amount(), scale)));
                    });
        }
        model.put("operations", rows);
        model.put("operationsTotal", total[0]);
        model.put("operationsCut", total[0] > OPERATIONS_SHOWN);
    }

    /** A day typed as YYYY-MM-DD; {@code absent} when blank, null when malformed. */
    private static LocalDate date(String typed, LocalDate absent) {
        if (typed == null || typed.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Line line(Client client, PageContext context) {
        ClientData data = client.data();
        return new Line(client.id(), data.name(), data.taxId(), data.phone(), data.email(), context.time(client.since()),
                "/console/clients/" + client.id());
    }

    private static List<Field> fields(ClientData data) {
        List<Field> fields = new ArrayList<>();
        add(fields, "clients.kind", data.kind());
        add(fields, "clients.name", data.name());
        add(fields, "clients.taxId", data.taxId());
        add(fields, "login.phone", data.phone());
        add(fields, "clients.email", data.email());
        add(fields, "clients.address", data.postalAddress());
        add(fields, "clients.document", (data.documentType() == null ? "" : data.documentType() + " ")
                + (data.documentNumber() == null ? "" : data.documentNumber()));
        add(fields, "clients.bank", (data.bankName() == null ? "" : data.bankName()) + (data.bankAccount() == null ? ""
                : " · " + data.bankAccount()));
        add(fields, "clients.residency", data.taxResidency());
        return fields;
    }

    private static void add(List<Field> fields, String key, Object value) {
        fields.add(new Field(key, value == null || String.valueOf(value).isBlank() ? "—" : String.valueOf(value)));
    }
}
