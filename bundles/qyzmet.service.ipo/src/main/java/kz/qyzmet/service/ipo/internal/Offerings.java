package kz.qyzmet.service.ipo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Entry;
import kz.qyzmet.ledger.api.HoldRequest;
import kz.qyzmet.ledger.api.Holds;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.service.ipo.internal.IpoMapper.OfferingRow;
import kz.qyzmet.service.ipo.internal.IpoMapper.SubscriptionRow;

/**
 * Offerings and their subscriptions (issue #17): staff open an offering with
 * fixed terms; a confirmed subscription holds its money (§30.2) with its row and
 * journal record in the instruction's transaction; cancelling while the window
 * is open releases it; after the close staff allocate, pro rata in whole lots,
 * each subscription in a transaction of its own: the allotted money drawn to
 * the issuer's account {@value #ISSUER_ACCOUNT} and the securities credited in
 * one entry, the rest released, the client's notice issued and the instruction
 * executed with it. An allocation interrupted is resumed by asking again: the
 * allotments follow from the subscriptions alone.
 */
@Component(service = Offerings.class)
public class Offerings {
    static final String ISSUER_ACCOUNT = "EXT-IPO";
    static final String PRO_RATA = "PRO_RATA";
    static final String HOLD_PREFIX = "ipo:";

    private final Database database;
    private final Ledger ledger;
    private final Holds holds;
    private final Documents documents;
    private final Instructions instructions;
    private final AuditJournal audit;
    /** The platform's clock, followed when a higher-ranked one comes (tests move it past a window's close). */
    @Reference(policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    @Activate
    public Offerings(@Reference Persistence persistence, @Reference Ledger ledger, @Reference Holds holds,
            @Reference Documents documents, @Reference Instructions instructions, @Reference AuditJournal audit,
            BundleContext context) {
        this.database = persistence.open(context.getBundle(), "ipo", IpoMapper.class);
        this.ledger = ledger;
        this.holds = holds;
        this.documents = documents;
        this.instructions = instructions;
        this.audit = audit;
        ledger.openAccount(ISSUER_ACCOUNT, AccountType.EXTERNAL, null, "Issuers and underwriters of offerings");
    }

    Instant now() {
        return clock.instant();
    }

    /** The terms of an offering as staff give them. */
    public record Terms(String isin, String issuer, BigDecimal offerPrice, String currency, Integer lotSize, Long minLots,
            Long maxLots, Long offeredLots, String opensAt, String closesAt) {
    }

    OfferingRow open(Terms terms, Caller operator) {
        String isin = Requests.required(terms.isin(), "isin").strip().toUpperCase(Locale.ROOT);
        if (!isin.matches("[A-Z]{2}[A-Z0-9]{9}[0-9]")) {
            throw Requests.invalid("isin", LocalizedText.of("ISIN емес.", "Это не ISIN.", "Not an ISIN."));
        }
        String currency = Requests.required(terms.currency(), "currency").strip().toUpperCase(Locale.ROOT);
        Asset money = ledger.asset(currency).filter(asset -> asset.kind() == AssetKind.CURRENCY).orElseThrow(() ->
                Requests.invalid("currency", LocalizedText.of("Валюта белгісіз.", "Валюта неизвестна.", "Unknown currency.")));
        BigDecimal price = Requests.required(terms.offerPrice(), "offerPrice");
        if (price.signum() <= 0 || price.stripTrailingZeros().scale() > money.scale()) {
            throw Requests.invalid("offerPrice", LocalizedText.of("Баға оң, валютаның ұсақ бірлігіне дейін.",
                    "Цена положительна, с точностью до мелкой единицы валюты.",
                    "The price is positive, to the currency's minor unit."));
        }
        int lot = Requests.required(terms.lotSize(), "lotSize");
        long min = Requests.required(terms.minLots(), "minLots");
        long max = Requests.required(terms.maxLots(), "maxLots");
        long offered = Requests.required(terms.offeredLots(), "offeredLots");
        if (lot <= 0 || min <= 0 || max < min || offered <= 0) {
            throw Requests.invalid("minLots", LocalizedText.of("Лот, ең аз және ең көп лот саны, ұсынылған лоттар оң,"
                    + " ең көбі ең азынан кем емес.", "Лот, минимум, максимум и предложенные лоты положительны, максимум не"
                    + " меньше минимума.", "Lot, minimum, maximum and offered lots are positive; the maximum is at least"
                    + " the minimum."));
        }
        Instant opens = Requests.instant("opensAt", Requests.required(terms.opensAt(), "opensAt"));
        Instant closes = Requests.instant("closesAt", Requests.required(terms.closesAt(), "closesAt"));
        if (!closes.isAfter(opens) || !closes.isAfter(now())) {
            throw Requests.invalid("closesAt", LocalizedText.of("Жазылу терезесі ашылғаннан кейін және болашақта жабылады.",
                    "Окно подписки закрывается после открытия и в будущем.",
                    "The subscription window closes after it opens, in the future."));
        }
        String issuer = Requests.required(terms.issuer(), "issuer").strip();
        OfferingRow row = new OfferingRow();
        row.id = UUID.randomUUID().toString();
        row.isin = isin;
        row.issuer = issuer.length() > 200 ? issuer.substring(0, 200) : issuer;
        row.offerPrice = price;
        row.currency = currency;
        row.lotSize = lot;
        row.minLots = min;
        row.maxLots = max;
        row.offeredLots = offered;
        row.opensAt = utc(opens);
        row.closesAt = utc(closes);
        row.rule = PRO_RATA;
        row.createdAt = utc(now());
        row.createdBy = operator.identity();
        return database.inTransaction(session -> {
            if (ledger.asset(isin).isEmpty()) {
                ledger.defineAsset(new Asset(isin, AssetKind.SECURITY, 0, row.issuer));
            }
            session.getMapper(IpoMapper.class).insertOffering(row);
            audit.record(AuditEvent.builder("ipo.offering.opened", "ipo:" + row.id).by(operator).detail("isin", isin)
                    .detail("issuer", row.issuer).detail("offerPrice", price.toPlainString()).detail("currency", currency)
                    .detail("lotSize", lot).detail("minLots", min).detail("maxLots", max).detail("offeredLots", offered)
                    .detail("opensAt", opens.toString()).detail("closesAt", closes.toString()).build());
            return session.getMapper(IpoMapper.class).offering(row.id);
        });
    }

    Optional<OfferingRow> find(String id) {
        return id == null || id.length() > 36 ? Optional.empty()
                : Optional.ofNullable(database.read(session -> session.getMapper(IpoMapper.class).offering(id)));
    }

    List<OfferingRow> list(int limit) {
        return database.read(session -> session.getMapper(IpoMapper.class).offerings(Math.max(1, Math.min(limit, 200))));
    }

    List<SubscriptionRow> subscriptions(String offeringId) {
        return database.read(session -> session.getMapper(IpoMapper.class).subscriptions(offeringId));
    }

    /** The open offering a client may subscribe to now, with a refusal naming the field otherwise. */
    OfferingRow subscribable(String id) {
        OfferingRow offering = find(id).orElseThrow(() -> Requests.invalid("offering", LocalizedText.of(
                "Мұндай орналастыру жоқ.", "Такого размещения нет.", "No such offering.")));
        Instant now = now();
        if (!"OPEN".equals(offering.state) || now.isBefore(instant(offering.opensAt)) || !now.isBefore(instant(
                offering.closesAt))) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "Жазылу {opens} – {closes} аралығында ғана қабылданады.", "Подписка принимается только с {opens} до {closes}.",
                    "Subscriptions are taken only from {opens} to {closes}.").format(Map.of("opens",
                            Formats.dateTime(instant(offering.opensAt)), "closes", Formats.dateTime(instant(offering.closesAt)))),
                    Map.of("reason", "SUBSCRIPTION_CLOSED"), Map.of());
        }
        return offering;
    }

    BigDecimal amount(OfferingRow offering, long lots) {
        return offering.offerPrice.multiply(BigDecimal.valueOf(lots)).multiply(BigDecimal.valueOf(offering.lotSize))
                .setScale(ledger.asset(offering.currency).map(Asset::scale).orElse(2));
    }

    /** In the instruction's transaction: the hold (refused by §30.2), the row, the record. */
    void subscribe(Instruction instruction, String offeringId, long lots, Caller caller) {
        database.inTransaction(session -> {
            IpoMapper mapper = session.getMapper(IpoMapper.class);
            OfferingRow offering = mapper.lockOffering(offeringId);
            subscribable(offeringId);
            BigDecimal amount = amount(offering, lots);
            String hold = HOLD_PREFIX + instruction.id();
            holds.place(new HoldRequest(hold, instruction.account(), offering.currency, amount, "IPO " + offering.isin
                    + " subscription " + instruction.number(), caller.identity()));
            SubscriptionRow row = new SubscriptionRow();
            row.instructionId = instruction.id();
            row.offeringId = offeringId;
            row.clientId = instruction.clientId();
            row.accountId = instruction.account();
            row.lots = lots;
            row.amount = amount;
            row.holdReference = hold;
            row.createdAt = utc(now());
            mapper.insertSubscription(row);
            audit.record(AuditEvent.builder("ipo.subscribed", instruction.id()).by(caller).detail("offering", offeringId)
                    .detail("lots", lots).detail("amount", amount.toPlainString()).detail("currency", offering.currency).build());
            return null;
        });
    }

    /** Why the subscription can no longer be cancelled: its offering's window closed. */
    Optional<LocalizedText> whyNotCancellable(String offeringId) {
        OfferingRow offering = find(offeringId).orElse(null);
        if (offering == null || "OPEN".equals(offering.state) && now().isBefore(instant(offering.closesAt))) {
            return Optional.empty();
        }
        return Optional.of(closed(offering).detail());
    }

    /** In the cancellation's transaction: the subscription ends and its money is free again. */
    void cancel(String instructionId, Caller caller) {
        database.inTransaction(session -> {
            IpoMapper mapper = session.getMapper(IpoMapper.class);
            SubscriptionRow row = mapper.lockSubscription(instructionId);
            if (row == null || !"SUBSCRIBED".equals(row.state)) {
                return null;
            }
            OfferingRow offering = mapper.offering(row.offeringId);
            if (!"OPEN".equals(offering.state) || !now().isBefore(instant(offering.closesAt))) {
                throw closed(offering);
            }
            holds.release(row.holdReference, "IPO subscription cancelled", caller.identity());
            mapper.cancelled(instructionId, utc(now()));
            audit.record(AuditEvent.builder("ipo.subscription.cancelled", instructionId).by(caller)
                    .detail("offering", row.offeringId).build());
            return null;
        });
    }

    static ProblemException closed(OfferingRow offering) {
        return new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                "Жазылу терезесі {closes} жабылды: бөлу жүріп жатыр, жазылымды жоюға болмайды.",
                "Окно подписки закрылось {closes}: идёт распределение, подписку отменить нельзя.",
                "The subscription window closed at {closes}: the allocation is under way, the subscription cannot be cancelled.")
                .format(Map.of("closes", Formats.dateTime(instant(offering.closesAt)))),
                Map.of("reason", "SUBSCRIPTION_CLOSED"), Map.of());
    }

    /** The result of an allocation: each subscription's lots asked and allotted. */
    public record Allotment(String instruction, String client, long requested, long allotted, String document) {
    }

    /**
     * Allocates a closed offering (again, after an interruption: the allotments are the
     * same, the subscriptions done stay done).
     */
    List<Allotment> allocate(String offeringId, Caller operator) {
        List<SubscriptionRow> all = database.inTransaction(session -> {
            IpoMapper mapper = session.getMapper(IpoMapper.class);
            OfferingRow offering = mapper.lockOffering(offeringId);
            if (offering == null) {
                throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Мұндай орналастыру жоқ.",
                        "Такого размещения нет.", "No such offering."));
            }
            if (now().isBefore(instant(offering.closesAt))) {
                throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                        "Жазылу {closes} дейін ашық: бөлу одан кейін.", "Подписка открыта до {closes}: распределение после.",
                        "Subscriptions are open until {closes}: the allocation comes after.").format(Map.of("closes",
                                Formats.dateTime(instant(offering.closesAt)))), Map.of("reason", "SUBSCRIPTION_OPEN"), Map.of());
            }
            if ("OPEN".equals(offering.state)) {
                mapper.allocated(offeringId, utc(now()), operator.identity());
                audit.record(AuditEvent.builder("ipo.offering.allocated", "ipo:" + offeringId).by(operator)
                        .detail("rule", offering.rule).build());
            }
            return mapper.subscriptions(offeringId).stream().filter(row -> !"CANCELLED".equals(row.state)).toList();
        });
        OfferingRow offering = find(offeringId).orElseThrow();
        List<Long> allotted = ProRata.allocate(all.stream().map(row -> row.lots).toList(), offering.offeredLots);
        List<Allotment> result = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            SubscriptionRow row = all.get(i);
            long lots = allotted.get(i);
            String document = "SUBSCRIBED".equals(row.state) ? allot(offering, row.instructionId, lots, operator)
                    : row.documentId;
            result.add(new Allotment(row.instructionId, row.clientId, row.lots, lots, document));
        }
        return result;
    }

    /** One subscription's allotment, in one transaction: entry, release, notice, instruction, row and record. */
    private String allot(OfferingRow offering, String instructionId, long lots, Caller operator) {
        return database.inTransaction(session -> {
            IpoMapper mapper = session.getMapper(IpoMapper.class);
            SubscriptionRow row = mapper.lockSubscription(instructionId);
            if (row == null || !"SUBSCRIBED".equals(row.state)) {
                return row == null ? null : row.documentId;
            }
            BigDecimal amount = amount(offering, lots);
            long units = lots * offering.lotSize;
            Long entry = null;
            Caller system = new Caller("system:" + IpoService.ID, "system", operator.address(), operator.userAgent(),
                    operator.correlationId());
            if (lots > 0) {
                Entry drawn = holds.draw(row.holdReference, "ipo-allotment:" + instructionId, amount, "IPO_ALLOTMENT",
                        "IPO " + offering.isin + ": " + units + " at " + offering.offerPrice.stripTrailingZeros().toPlainString()
                                + " " + offering.currency, List.of(Posting.of(ISSUER_ACCOUNT, offering.currency, amount),
                                        Posting.of(ISSUER_ACCOUNT, offering.isin, BigDecimal.valueOf(units).negate()),
                                        Posting.of(row.accountId, offering.isin, BigDecimal.valueOf(units))),
                        system.identity());
                entry = drawn.id();
            }
            holds.release(row.holdReference, "IPO " + offering.isin + ": the rest of the subscription released",
                    system.identity());
            Instruction instruction = instructions.find(instructionId).orElseThrow();
            Language language = Optional.ofNullable(Language.fromTag(String.valueOf(instruction.parameters()
                    .get("language")))).orElse(Language.RU);
            String document = documents.issue(notice(offering, row, lots, amount, instruction, language), system).id();
            mapper.allotted(instructionId, lots, amount, entry, document, utc(now()));
            audit.record(AuditEvent.builder("ipo.allotted", instructionId).by(operator).detail("offering", offering.id)
                    .detail("requested", row.lots).detail("allotted", lots).detail("amount", amount.toPlainString())
                    .detail("released", row.amount.subtract(amount).toPlainString()).detail("document", document)
                    .detail("entry", entry == null ? "" : String.valueOf(entry)).build());
            instructions.complete(instructionId, List.of(document), system);
            return document;
        });
    }

    private DocumentSpec notice(OfferingRow offering, SubscriptionRow row, long lots, BigDecimal amount,
            Instruction instruction, Language language) {
        int scale = ledger.asset(offering.currency).map(Asset::scale).orElse(2);
        IpoTexts words = IpoTexts.of(language);
        return new DocumentSpec("ipo-allotment", row.clientId, language, words.title(), List.of(new Block.Fields(List.of(
                new Block.Field(words.issuer(), offering.issuer + " · " + offering.isin),
                new Block.Field(words.price(), Formats.amount(offering.offerPrice, scale, language) + " " + offering.currency),
                new Block.Field(words.account(), row.accountId),
                new Block.Field(words.instruction(), instruction.number()),
                new Block.Field(words.requested(), row.lots + " × " + offering.lotSize),
                new Block.Field(words.allotted(), lots + " × " + offering.lotSize + " = " + lots * offering.lotSize),
                new Block.Field(words.paid(), Formats.amount(amount, scale, language) + " " + offering.currency),
                new Block.Field(words.released(), Formats.amount(row.amount.subtract(amount), scale, language) + " "
                        + offering.currency))), new Block.Paragraph(words.text())), instruction.id());
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(LocalDateTime at) {
        return at.toInstant(ZoneOffset.UTC);
    }
}
