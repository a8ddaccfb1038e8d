package kz.qyzmet.ledger.internal;

import kz.qyzmet.rest.api.Answer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Entry;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.persistence.api.Transactions;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.ProblemType;
import kz.qyzmet.common.api.Requests;

/**
 * Back-office ledger operations under {@code /api/v1/operator/ledger}: open
 * accounts, post incoming payments and securities transfers in, reverse a
 * wrong entry, read balances (now or as of a moment) and every operation of a
 * period. Every change and every refusal is audited.
 */
@Component(service = OperatorLedgerResource.class)
@ApiResource
@Path("operator/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorLedgerResource {
    static final ProblemType REFUSED = new ProblemType("ledger-refused", LocalizedText.of(
            "Операция қабылданбады", "Операция отклонена", "Operation refused"));

    private final Ledger ledger;
    private final AuditJournal audit;
    private final Transactions transactions;
    private final IncomingTransfers transfers;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorLedgerResource(@Reference Ledger ledger, @Reference AuditJournal audit,
            @Reference Transactions transactions, @Reference IncomingTransfers transfers) {
        this.ledger = ledger;
        this.audit = audit;
        this.transactions = transactions;
        this.transfers = transfers;
    }

    public record AccountRequest(String id, AccountType type, String owner, String name) {
    }

    /** An incoming payment or securities transfer: {@code counterpart} is the EXTERNAL account it comes from. */
    public record IncomingRequest(String idempotencyKey, String account, String counterpart, String asset, BigDecimal amount,
            String reference, String description) {
    }

    public record ReversalRequest(String idempotencyKey, String reason) {
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Account openAccount(AccountRequest body) {
        Requests.required(body, "body");
        Requests.required(body.id(), "id");
        Requests.required(body.type(), "type");
        // opening an account that is open already (same type and owner) answers it again; the record says so
        boolean existed = ledger.account(body.id()).isPresent();
        return audited(existed ? "ledger.account.open-again" : "ledger.account.opened", "account:" + body.id(),
                Map.of("type", body.type()), () -> ledger.openAccount(body.id(), body.type(), body.owner(), body.name()));
    }

    /** Money from the outside world (counterpart EXTERNAL, OMNIBUS or BROKER); large amounts wait for a second operator. */
    @POST
    @Path("payments-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answer(status = 200, body = Entry.class, description = "posted")
    @Answer(status = 202, body = PendingApproval.class, description = "waits for a second operator")
    public Response paymentIn(IncomingRequest body) {
        return answer(incoming(IncomingTransfers.PAYMENT_IN, body));
    }

    /** Securities from a depository; large quantities wait for a second operator. */
    @POST
    @Path("securities-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answer(status = 200, body = Entry.class, description = "posted")
    @Answer(status = 202, body = PendingApproval.class, description = "waits for a second operator")
    public Response securitiesIn(IncomingRequest body) {
        return answer(incoming(IncomingTransfers.SECURITIES_IN, body));
    }

    /** 200 with the entry, or 202 with the approval it waits for. */
    private static Response answer(IncomingTransfers.Outcome outcome) {
        return outcome.entry() != null ? Response.ok(view(outcome.entry())).build()
                : Response.accepted(new PendingApproval(outcome.approval())).build();
    }

    /** What {@code accounts/{id}/operations} streams: the account, its operations in order, their count. */
    public record OperationsPage(String account, List<kz.qyzmet.ledger.api.Operation> operations, long count) {
    }

    /** A posting accepted for a second operator's decision (maker–checker). */
    public record PendingApproval(IncomingTransfers.Approval approval) {
    }

    private IncomingTransfers.Outcome incoming(String kind, IncomingRequest body) {
        Requests.required(body, "body");
        Requests.required(body.idempotencyKey(), "idempotencyKey");
        Requests.required(body.account(), "account");
        Requests.required(body.counterpart(), "counterpart");
        Requests.required(body.asset(), "asset");
        Requests.required(body.amount(), "amount");
        if (body.amount().signum() <= 0) {
            throw Requests.invalid("amount", LocalizedText.of("Сома оң болуы керек.", "Сумма должна быть положительной.",
                    "The amount must be positive."));
        }
        Caller caller = Caller.from(request::getAttribute);
        IncomingTransfers.Incoming incoming = new IncomingTransfers.Incoming(kind, body.idempotencyKey(), body.account(),
                body.counterpart(), body.asset(), body.amount(), body.reference(), body.description());
        return audited("ledger.entry.posted", "account:" + body.account(),
                Map.of("kind", kind, "asset", body.asset(), "amount", body.amount().toPlainString(), "key", body.idempotencyKey()),
                () -> transfers.submit(incoming, caller));
    }

    /** A correction is a reversal of the wrong entry (rules §45.3); the original stays as it was. */
    @POST
    @Path("entries/{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Entry reverse(@PathParam("id") long id, ReversalRequest body) {
        Requests.required(body, "body");
        Requests.required(body.idempotencyKey(), "idempotencyKey");
        Requests.required(body.reason(), "reason");
        Caller caller = Caller.from(request::getAttribute);
        return view(audited("ledger.entry.reversed", "entry:" + id, Map.of("reason", body.reason()),
                () -> ledger.reverse(id, body.idempotencyKey(), body.reason(), caller.identity())));
    }

    @GET
    @Path("entries/{id}")
    public Entry entry(@PathParam("id") long id) {
        return view(ledger.entry(id).orElseThrow(() -> new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of(
                "{id} жазбасы жоқ.", "Записи {id} нет.", "There is no entry {id}.").format(Map.of("id", id)))));
    }

    /** Balances now, or as of {@code asOf} (rules §16.2). */
    @GET
    @Path("accounts/{id}/balances")
    public Map<String, Object> balances(@PathParam("id") String account, @QueryParam("asOf") String asOf) {
        requireAccount(account);
        Instant at = Requests.instant("asOf", asOf); // absent or blank: now
        List<Balance> balances = at == null ? ledger.balances(account) : ledger.balancesAsOf(account, at);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("account", account);
        if (at != null) {
            view.put("asOf", at);
        }
        view.put("balances", balances.stream().map(balance -> Map.of("asset", balance.asset(), "total", balance.total(),
                "available", balance.available(), "held", balance.held(), "blocked", balance.blocked())).toList());
        return view;
    }

    /** Every operation of [from, to), streamed as it is read: no truncation, flat memory (rules §16.3). */
    @GET
    @Path("accounts/{id}/operations")
    @Answer(status = 200, body = OperationsPage.class, description = "every operation of the period, streamed")
    public StreamingOutput operations(@PathParam("id") String account, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        requireAccount(account);
        Instant start = Requests.instant("from", Requests.required(from, "from"));
        Instant end = Requests.instant("to", Requests.required(to, "to"));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // as the platform's JSON provider does: amounts as strings that keep their scale
        json.configOverride(BigDecimal.class).setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forShape(
                com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING));
        return output -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(nonClosing(output))) {
                generator.writeStartObject();
                generator.writeStringField("account", account);
                generator.writeArrayFieldStart("operations");
                long count = ledger.operations(account, start, end, operation -> {
                    try {
                        json.writeValue(generator, operation);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                generator.writeEndArray();
                generator.writeNumberField("count", count);
                generator.writeEndObject();
            }
        };
    }

    private static OutputStream nonClosing(OutputStream output) {
        return new java.io.FilterOutputStream(output) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private void requireAccount(String account) {
        if (ledger.account(account).isEmpty()) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("{id} шоты жоқ.", "Счёта {id} нет.",
                    "There is no account {id}.").format(Map.of("id", account)));
        }
    }

    private <T> T audited(String type, String subject, Map<String, Object> details, Supplier<T> change) {
        Caller caller = Caller.from(request::getAttribute);
        AuditEvent.Builder event = AuditEvent.builder(type, subject).by(caller);
        details.forEach(event::detail);
        try {
            // the change and its record commit together, or neither does (§45.1, §45.3)
            return transactions.inTransaction(() -> {
                T result = change.get();
                AuditEvent.Builder done = event.copy();
                Entry entry = result instanceof Entry posted ? posted
                        : result instanceof IncomingTransfers.Outcome outcome ? outcome.entry() : null;
                if (entry != null) {
                    done.detail("entry", entry.id()).detail("replayed", entry.replayed());
                } else if (result instanceof IncomingTransfers.Outcome outcome) {
                    // the approval's own record follows it; this one tells what the operator asked
                    audit.record(done.detail("outcome", "awaiting-approval").detail("approval", outcome.approval().id()).build());
                    return result;
                }
                audit.record(done.detail("outcome", "done").build());
                return result;
            });
        } catch (LedgerRefusal refusal) {
            // a refusal changed nothing; its record stands on its own
            audit.record(event.detail("outcome", "refused").detail("reason", refusal.reason()).build());
            throw problem(refusal);
        } catch (ProblemException refused) {
            audit.record(event.detail("outcome", "refused").detail("reason", refused.type().slug()).build());
            throw refused;
        }
    }

    /** A refusal of the ledger as the problem a client sees (§29, §30). */
    static ProblemException problem(LedgerRefusal refusal) {
        int status = switch (refusal.reason()) {
        case UNKNOWN_ACCOUNT, UNKNOWN_ASSET, UNKNOWN_ENTRY, UNKNOWN_HOLD -> 404;
        case ALREADY_REVERSED, IDEMPOTENCY_CONFLICT, HOLD_CLOSED, ACCOUNT_CLOSED, ACCOUNT_NOT_EMPTY -> 409;
        default -> 422;
        };
        Map<String, Object> extensions = new LinkedHashMap<>(refusal.details());
        extensions.put("reason", refusal.reason().name());
        return new ProblemException(status, REFUSED, refusal.text(), extensions, Map.of());
    }

    /** An entry as the API answers it: the ledger's own record (its schema is the document's). */
    static Entry view(Entry entry) {
        return entry;
    }



}
