package kz.qyzmet.clients.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.clients.api.Client;
import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientPage;
import kz.qyzmet.clients.api.ClientQuery;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.clients.api.ClientVersion;
import kz.qyzmet.clients.api.SavedSearch;
import kz.qyzmet.persistence.api.Transactions;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;

/**
 * {@code /api/v1/operator/clients}: operators create and change client records,
 * read their history and their state on a given date, search by any field and
 * combination (current or former data), sort by any field, page, and keep saved
 * searches (rules §16). Changes are audited.
 */
@Component(service = OperatorClientsResource.class)
@ApiResource
@Path("operator/clients")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorClientsResource {
    private static final List<String> CONTROL = List.of("former", "sort", "limit", "offset");

    private final ClientRecords clients;
    private final AuditJournal audit;
    private final Transactions transactions;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorClientsResource(@Reference ClientRecords clients, @Reference AuditJournal audit,
            @Reference Transactions transactions) {
        this.clients = clients;
        this.audit = audit;
        this.transactions = transactions;
    }

    public record SearchRequest(String name, ClientQuery query) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Client create(ClientData data) {
        requireBody(data);
        Caller caller = Caller.from(request::getAttribute);
        // the record and its journal entry commit together (§45.1)
        return transactions.inTransaction(() -> {
            Client created = clients.create(data, caller.identity());
            journal("clients.client.created", created.id(), caller, null, created.data());
            return created;
        });
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Client update(@PathParam("id") String id, ClientData changes) {
        requireBody(changes);
        Caller caller = Caller.from(request::getAttribute);
        return transactions.inTransaction(() -> {
            Object before = clients.find(id).map(Client::data).orElse(null);
            Client updated = clients.update(id, changes, caller.identity());
            journal("clients.client.changed", id, caller, before, updated.data());
            return updated;
        });
    }

    /** The record now, or as it was at {@code asOf} (rules §16.2). */
    @GET
    @Path("{id}")
    public Client one(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        Supplier<ProblemException> missing = () -> new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of(
                "{id} клиенті (сол күні) жоқ.", "Клиента {id} (на эту дату) нет.", "There is no client {id} (at that time).")
                .format(Map.of("id", id)));
        java.time.Instant at = Requests.instant("asOf", asOf); // absent or blank: now
        return (at == null ? clients.find(id) : clients.asOf(id, at)).orElseThrow(missing);
    }

    @GET
    @Path("{id}/history")
    public Map<String, Object> history(@PathParam("id") String id) {
        List<ClientVersion> versions = clients.history(id);
        if (versions.isEmpty()) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("{id} клиенті жоқ.", "Клиента {id} нет.",
                    "There is no client {id}.").format(Map.of("id", id)));
        }
        return Map.of("id", id, "versions", versions);
    }

    /**
     * Search: every query parameter other than {@code former}, {@code sort}, {@code limit}
     * and {@code offset} is a field criterion, e.g. {@code ?name=Ахметов&former=true&sort=-name}.
     */
    @GET
    public ClientPage search(@Context UriInfo uri, @QueryParam("former") @DefaultValue("false") boolean former,
            @QueryParam("sort") List<String> sort, @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Map<String, String> criteria = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!CONTROL.contains(name) && !values.isEmpty() && !values.get(0).isBlank()) {
                criteria.put(name, values.get(0));
            }
        });
        List<String> order = new ArrayList<>();
        sort.forEach(value -> order.addAll(List.of(value.split(","))));
        return clients.search(new ClientQuery(criteria, former, order, limit, offset));
    }

    @POST
    @Path("searches")
    @Consumes(MediaType.APPLICATION_JSON)
    public SavedSearch save(SearchRequest body) {
        requireBody(body);
        requireBody(body.query());
        Caller caller = Caller.from(request::getAttribute);
        return clients.saveSearch(caller.identity(), body.name(), body.query());
    }

    @GET
    @Path("searches")
    public Map<String, Object> searches() {
        return Map.of("searches", clients.savedSearches(Caller.from(request::getAttribute).identity()));
    }

    @GET
    @Path("searches/{id}/results")
    public ClientPage run(@PathParam("id") long id) {
        SavedSearch saved = clients.savedSearch(Caller.from(request::getAttribute).identity(), id)
                .orElseThrow(() -> new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of(
                        "Мұндай сақталған іздеу жоқ.", "Такого сохранённого поиска нет.", "No such saved search.")));
        return clients.search(saved.query());
    }

    /** The journal gets digests of the record before and after, not the personal data itself. */
    private void journal(String type, String id, Caller caller, Object before, Object after) {
        audit.record(AuditEvent.builder(type, "client:" + id).by(caller).change(before, after).build());
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of("Сұрау денесі бос.",
                    "Пустое тело запроса.", "The request body is empty."));
        }
    }

}
