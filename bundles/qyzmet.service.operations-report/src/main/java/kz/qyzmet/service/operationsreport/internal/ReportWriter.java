package kz.qyzmet.service.operationsreport.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.clients.api.DocumentHolder;
import kz.qyzmet.documents.api.Figure;
import kz.qyzmet.documents.api.FileSpec;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.OperationKinds;
import kz.qyzmet.ledger.api.Operation;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;

/**
 * Writes one operations report (rules §7.1.2): the opening balance of every asset,
 * every operation of the period with all its details, and the closing balance,
 * reconciled: opening + credits + debits must equal the closing balance the ledger
 * recomputes, or the report is not issued. Operations are streamed from the
 * ledger straight into the document (PDF, CSV or JSON): memory does not grow
 * with the length of the period.
 */
final class ReportWriter {
    static final String KIND = "operations-report";

    private final Ledger ledger;
    private final Documents documents;
    private final Supplier<Optional<ClientRecords>> clients;

    ReportWriter(Ledger ledger, Documents documents, Supplier<Optional<ClientRecords>> clients) {
        this.ledger = ledger;
        this.documents = documents;
        this.clients = clients;
    }

    /** Per asset: what the account held before the period, what moved, what it holds after. */
    static final class Reconciliation {
        final Map<String, BigDecimal> opening = new TreeMap<>();
        final Map<String, BigDecimal> credits = new TreeMap<>();
        final Map<String, BigDecimal> debits = new TreeMap<>();
        final Map<String, BigDecimal> closing = new TreeMap<>();
        long operations;

        void add(Operation operation) {
            operations++;
            Map<String, BigDecimal> side = operation.amount().signum() >= 0 ? credits : debits;
            side.merge(operation.asset(), operation.amount(), BigDecimal::add);
        }

        /** The assets whose opening + movements differ from the ledger's closing balance. */
        List<String> mismatches() {
            List<String> assets = new ArrayList<>();
            for (String asset : assets()) {
                BigDecimal expected = get(opening, asset).add(get(credits, asset)).add(get(debits, asset));
                if (expected.compareTo(get(closing, asset)) != 0) {
                    assets.add(asset);
                }
            }
            return assets;
        }

        List<String> assets() {
            TreeMap<String, Boolean> all = new TreeMap<>();
            for (Map<String, BigDecimal> map : List.of(opening, credits, debits, closing)) {
                map.keySet().forEach(asset -> all.put(asset, true));
            }
            return new ArrayList<>(all.keySet());
        }

        static BigDecimal get(Map<String, BigDecimal> map, String asset) {
            return map.getOrDefault(asset, BigDecimal.ZERO);
        }
    }

    /** How far a report got: operations written, and the time of the last one. */
    @FunctionalInterface
    interface Progress {
        void at(long operations, Instant lastPostedAt);
    }

    record Request(String instructionId, String instructionNumber, String clientId, String account, Period period,
            String format, Language language) {
    }

    StoredDocument write(Request request, Progress progress, Caller caller) {
        Reconciliation totals = new Reconciliation();
        // balances at the instant just before each bound: the ledger counts postings at or before
        Instant beforeFrom = request.period().from().minus(1, ChronoUnit.MICROS);
        Instant beforeTo = request.period().to().minus(1, ChronoUnit.MICROS);
        for (Balance balance : ledger.balancesAsOf(request.account(), beforeFrom)) {
            totals.opening.put(balance.asset(), balance.total());
        }
        Words words = Words.of(request.language());
        String title = words.title() + " · " + request.account() + " · " + Formats.date(Formats.day(request.period().from()))
                + "–" + Formats.date(Formats.day(beforeTo));
        // asked once the document is written: the totals are counted while the operations stream
        Supplier<List<Figure>> figures = () -> keyFigures(request, totals, words);
        StoredDocument document = switch (request.format()) {
        case "csv" -> documents.issue(new FileSpec(KIND, request.clientId(), request.language(), title, "text/csv", "csv",
                request.instructionId()), out -> csv(request, totals, progress, out), figures, caller);
        case "json" -> documents.issue(new FileSpec(KIND, request.clientId(), request.language(), title, "application/json",
                "json", request.instructionId()), out -> json(request, totals, progress, beforeTo, out), figures, caller);
        default -> documents.issue(pdf(request, totals, progress, beforeTo, words), figures, caller);
        };
        return document;
    }

    /** Closing balances, then the check; a report that does not reconcile must not be issued. */
    private void close(Request request, Reconciliation totals, Instant beforeTo) {
        for (Balance balance : ledger.balancesAsOf(request.account(), beforeTo)) {
            totals.closing.put(balance.asset(), balance.total());
        }
        List<String> mismatches = totals.mismatches();
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("operations of " + request.account() + " do not reconcile for " + mismatches);
        }
    }

    private void stream(Request request, Reconciliation totals, Progress progress, java.util.function.Consumer<Operation> sink) {
        stream(request, null, totals, progress, sink);
    }

    /** The period's operations of one asset ({@code asset} null: all), counted into the totals as they stream. */
    private void stream(Request request, String asset, Reconciliation totals, Progress progress,
            java.util.function.Consumer<Operation> sink) {
        Instant[] last = { request.period().from() };
        ledger.operations(request.account(), asset, request.period().from(), request.period().to(), operation -> {
            totals.add(operation);
            sink.accept(operation);
            last[0] = operation.postedAt();
            if (totals.operations % 2000 == 0) {
                progress.at(totals.operations, last[0]);
            }
        });
        progress.at(totals.operations, last[0]);
    }

    private DocumentSpec pdf(Request request, Reconciliation totals, Progress progress, Instant beforeTo, Words words) {
        Language language = request.language();
        Map<String, Asset> assets = new TreeMap<>();
        List<Block> blocks = new ArrayList<>();
        String holder = DocumentHolder.line(clients.get().flatMap(records -> records.find(request.clientId())),
                ledger.account(request.account()).map(kz.qyzmet.ledger.api.Account::name).orElse(request.account()), language);
        blocks.add(new Block.Fields(List.of(new Block.Field(DocumentHolder.LABEL.in(language), holder),
                new Block.Field(words.account(), request.account()),
                new Block.Field(words.period(), Formats.period(request.period().from(), request.period().to()) + " ("
                        + words.almaty() + ")"),
                new Block.Field(words.instruction(), request.instructionNumber()))));
        // one pre-pass: which assets moved in the period, and which entries were reversed by which
        Map<Long, Long> reversedBy = new java.util.HashMap<>();
        java.util.Set<String> moved = new java.util.TreeSet<>();
        ledger.operations(request.account(), request.period().from(), request.period().to(), operation -> {
            moved.add(operation.asset());
            if (operation.reverses() != null) {
                reversedBy.putIfAbsent(operation.reverses(), operation.entryId());
            }
        });
        java.util.Set<String> sections = new java.util.TreeSet<>(moved);
        totals.opening.forEach((code, amount) -> {
            if (amount.signum() != 0) {
                sections.add(code);
            }
        });
        if (sections.isEmpty()) {
            blocks.add(new Block.Heading(words.operations()));
            blocks.add(new Block.Paragraph(words.none()));
        }
        List<Block.Column> columns = List.of(new Block.Column(words.time(), 3.9f, false),
                new Block.Column(words.entry(), 1.3f, false), new Block.Column(words.kind(), 2.4f, false),
                new Block.Column(words.description(), 4.0f, false), new Block.Column(words.subAccount(), 1.9f, false),
                new Block.Column(words.amount(), 2.5f, true), new Block.Column(words.balance(), 2.5f, true));
        // a section per currency and security (issue #13): its opening balance, every operation of that asset with the
        // running balance after it, and its closing balance; each section reads only its own postings
        for (String code : sections) {
            Asset asset = assets.computeIfAbsent(code, this::asset);
            String name = asset.nameIn(language);
            blocks.add(new Block.Heading(words.operations() + " · " + code
                    + (name == null || name.equals(code) ? "" : " — " + name)));
            BigDecimal[] running = { Reconciliation.get(totals.opening, code) };
            long[] count = { 0 };
            blocks.add(new Block.Table(columns, sink -> {
                sink.accept(List.of(Formats.dateTimeWithSeconds(request.period().from()), "", words.opening(), "", "", "",
                        Formats.amount(running[0], asset.scale(), language)));
                stream(request, code, totals, progress, operation -> {
                    count[0]++;
                    running[0] = running[0].add(operation.amount());
                    sink.accept(List.of(Formats.dateTimeWithSeconds(operation.postedAt()), String.valueOf(operation.entryId()),
                            OperationKinds.label(operation.kind()).in(language), description(operation, reversedBy, words),
                            OperationKinds.label(operation.subAccount()).in(language),
                            Formats.amount(operation.amount(), asset.scale(), language),
                            Formats.amount(running[0], asset.scale(), language)));
                });
            }, () -> List.of(words.closing(), "", "", words.count() + ": " + count[0], "", "",
                    Formats.amount(running[0], asset.scale(), language))));
        }
        // laid out after the operations: the sums are counted while they stream
        blocks.add(new Block.Heading(words.reconciliation()));
        blocks.add(new Block.Table(List.of(new Block.Column(words.asset(), 3, false), new Block.Column(words.opening(), 2.5f, true),
                new Block.Column(words.credits(), 2.5f, true), new Block.Column(words.debits(), 2.5f, true),
                new Block.Column(words.closing(), 2.5f, true)), sink -> {
                    close(request, totals, beforeTo);
                    for (String code : totals.assets()) {
                        int scale = assets.computeIfAbsent(code, this::asset).scale();
                        sink.accept(List.of(code, Formats.amount(Reconciliation.get(totals.opening, code), scale, language),
                                Formats.amount(Reconciliation.get(totals.credits, code), scale, language),
                                Formats.amount(Reconciliation.get(totals.debits, code), scale, language),
                                Formats.amount(Reconciliation.get(totals.closing, code), scale, language)));
                    }
                }, () -> null));
        blocks.add(new Block.Paragraph(words.basis()));
        return new DocumentSpec(KIND, request.clientId(), language, words.title(), blocks, request.instructionId());
    }

    /** What the operation was, its reference, and which entry it reverses or was reversed by (issue #13). */
    private static String description(Operation operation, Map<Long, Long> reversedBy, Words words) {
        return operation.description()
                + (operation.reference() == null || operation.reference().isBlank() ? "" : " · " + operation.reference())
                + (operation.reverses() == null ? "" : " · " + words.reverses() + " " + operation.reverses())
                + (reversedBy.containsKey(operation.entryId()) ? " · " + words.reversedBy() + " "
                        + reversedBy.get(operation.entryId()) : "");
    }

    private Asset asset(String code) {
        return ledger.asset(code).orElse(new Asset(code, AssetKind.CURRENCY, 2, code));
    }

    /** What the verification lookup shows of a report (issue #13): its period, how many operations, and the balances. */
    private List<Figure> keyFigures(Request request, Reconciliation totals, Words words) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(words.period(), Formats.period(request.period().from(), request.period().to()) + " ("
                + words.almaty() + ")"));
        figures.add(new Figure(words.count(), String.valueOf(totals.operations)));
        for (String code : totals.assets()) {
            int scale = asset(code).scale();
            figures.add(new Figure(code + " — " + words.opening(),
                    Formats.amount(Reconciliation.get(totals.opening, code), scale, request.language())));
            figures.add(new Figure(code + " — " + words.closing(),
                    Formats.amount(Reconciliation.get(totals.closing, code), scale, request.language())));
        }
        return figures;
    }

    private void csv(Request request, Reconciliation totals, Progress progress, OutputStream out) throws IOException {
        CsvReport.write(request, totals, sink -> stream(request, totals, progress, sink),
                () -> close(request, totals, request.period().to().minus(1, ChronoUnit.MICROS)), code -> asset(code).scale(), out);
    }

    private void json(Request request, Reconciliation totals, Progress progress, Instant beforeTo, OutputStream out)
            throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out);
        json.writeStartObject();
        json.writeStringField("account", request.account());
        json.writeStringField("from", request.period().from().toString());
        json.writeStringField("to", request.period().to().toString());
        json.writeStringField("instruction", request.instructionNumber());
        json.writeObjectFieldStart("opening");
        for (Map.Entry<String, BigDecimal> balance : totals.opening.entrySet()) {
            json.writeStringField(balance.getKey(), balance.getValue().toPlainString());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("operations");
        try {
            stream(request, totals, progress, operation -> {
                try {
                    json.writeStartObject();
                    json.writeStringField("postedAt", operation.postedAt().toString());
                    json.writeNumberField("entryId", operation.entryId());
                    json.writeNumberField("postingId", operation.postingId());
                    json.writeStringField("kind", operation.kind());
                    json.writeStringField("description", operation.description());
                    json.writeStringField("reference", operation.reference());
                    if (operation.reverses() != null) {
                        json.writeNumberField("reverses", operation.reverses());
                    }
                    json.writeStringField("subAccount", operation.subAccount().name());
                    json.writeStringField("asset", operation.asset());
                    json.writeStringField("amount", operation.amount().toPlainString());
                    json.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
        close(request, totals, beforeTo);
        json.writeObjectFieldStart("closing");
        for (Map.Entry<String, BigDecimal> balance : totals.closing.entrySet()) {
            json.writeStringField(balance.getKey(), balance.getValue().toPlainString());
        }
        json.writeEndObject();
        json.writeNumberField("operationCount", totals.operations);
        json.writeEndObject();
        json.flush();
    }

    /** The words of the report, per language. */
    record Words(String title, String account, String period, String almaty, String instruction, String operations,
            String time, String entry, String kind, String description, String asset, String subAccount, String amount,
            String reverses, String reversedBy, String count, String reconciliation, String opening, String credits, String debits,
            String closing, String balance, String basis, String none) {
        static Words of(Language language) {
            return switch (language) {
            case KK -> new Words("Операциялар туралы есеп", "Жеке шот", "Кезең", "Алматы уақыты", "Клиент өтініші",
                    "Кезеңдегі операциялар", "Уақыты", "Жазба", "Түрі", "Сипаттама", "Актив", "Шот бөлігі", "Сомасы",
                    "кері қайтарады", "кері қайтарған жазба", "Операциялар саны", "Салыстыру", "Кезең басындағы қалдық", "Түсімдер", "Есептен шығару",
                    "Кезең соңындағы қалдық", "Қалдық",
                    "Есеп номиналды ұстау есебі жүйесінің деректері бойынша, кезеңнің барлық операцияларымен жасалды "
                            + "(Ережелердің 7.1-тармағы, 16.3-тармақ).", "Кезеңде операциялар мен қалдықтар жоқ.");
            case RU -> new Words("Отчёт об операциях", "Лицевой счёт", "Период", "время Алматы", "Поручение клиента",
                    "Операции за период", "Время", "Запись", "Вид", "Описание", "Актив", "Субсчёт", "Сумма", "сторнирует", "сторнирована записью",
                    "Операций", "Сверка", "Остаток на начало", "Поступления", "Списания", "Остаток на конец",
                    "Остаток", "Отчёт сформирован по данным системы учёта номинального держания со всеми операциями периода "
                            + "(п. 7.1, п. 16.3 Правил).", "За период нет ни операций, ни остатков.");
            case EN -> new Words("Operations report", "Personal account", "Period", "Almaty time", "Client instruction",
                    "Operations of the period", "Time", "Entry", "Kind", "Description", "Asset", "Sub-account", "Amount",
                    "reverses", "reversed by", "Operations", "Reconciliation", "Opening balance", "Credits", "Debits", "Closing balance",
                    "Balance", "Formed from the records of the nominee-holding accounting system with every operation of the period "
                            + "(rules §7.1, §16.3).", "No operations and no balances in the period.");
            };
        }
    }
}
