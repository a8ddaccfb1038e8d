package kz.qyzmet.service.dealregister.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.FileSpec;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;
import kz.qyzmet.trading.api.Deal;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.Trading;

/**
 * The register of deals (rules §7.3) for a period the client chooses, days in
 * Almaty time: every deal with its order, side, security, quantity, price,
 * amount, fee and settlement date, and the totals bought and sold per currency;
 * a PDF/A document or a CSV, numbered and verifiable like every document.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = DealRegisterService.ID, category = Category.TRADING, assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Мәмілелер тізілімі", title_ru = "Реестр сделок", title_en = "Register of deals",
        description_kk = "Таңдалған кезеңдегі барлық мәмілелеріңіз: PDF немесе CSV.",
        description_ru = "Все ваши сделки за выбранный период: PDF или CSV.",
        description_en = "All your deals of a period you choose: PDF or CSV.")
public class DealRegisterService implements ServiceHandler<DealRegisterService.Request> {
    static final String ID = "deal-register";
    static final String KIND = "deal-register";
    /** The longest period a register covers: five years, as long as the broker keeps the records at hand. */
    static final int MAX_DAYS = 5 * 366;

    /**
     * @param from     the first day, {@code YYYY-MM-DD}, Almaty time
     * @param to       the last day, included; today when absent
     * @param format   pdf (when absent) or csv
     * @param language of the document; the caller's when absent
     */
    public record Request(
            @Required @FormField(kk = "Кезең басы", ru = "Начало периода", en = "From", input = FormField.Input.DATE) String from,
            @FormField(kk = "Кезең соңы (қоса)", ru = "Конец периода (включительно)", en = "To (included)",
                    input = FormField.Input.DATE) String to,
            @FormField(kk = "Пішім", ru = "Формат", en = "Format") @OneOf(value = { "pdf", "csv" },
                    labels = { "PDF|PDF|PDF", "CSV|CSV|CSV" }) String format,
            @FormField(kk = "Құжат тілі", ru = "Язык документа", en = "Document language") @OneOf(value = { "kk", "ru", "en" },
                    labels = { "Қазақша|Казахский|Kazakh", "Орысша|Русский|Russian", "Ағылшынша|Английский|English" })
            String language) {
    }

    private final Trading trading;
    private final Ledger ledger;
    private final Documents documents;

    @Activate
    public DealRegisterService(@Reference Trading trading, @Reference Ledger ledger, @Reference Documents documents) {
        this.trading = trading;
        this.ledger = ledger;
        this.documents = documents;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        LocalDate today = context.now().atZone(Formats.BROKER_ZONE).toLocalDate();
        LocalDate from = day("from", request.from());
        LocalDate to = request.to() == null || request.to().isBlank() ? today : day("to", request.to());
        if (to.isAfter(today)) {
            throw Requests.invalid("to", LocalizedText.of("Кезең болашақта аяқталмайды.", "Период не может кончаться в будущем.",
                    "The period cannot end in the future."));
        }
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw Requests.invalid("from", LocalizedText.of("Кезең басы соңынан кейін емес және кезең бес жылдан аспайды.",
                    "Начало не позже конца, период не длиннее пяти лет.",
                    "The period starts no later than it ends and is at most five years long."));
        }
        String format = request.format() == null || request.format().isBlank() ? "pdf" : request.format();
        Language language = context.documentLanguage("language", request.language());
        String period = Formats.date(from) + "–" + Formats.date(to);
        return new Draft<>(KIND, null, new Request(from.toString(), to.toString(), format, language.tag()), LocalizedText.of(
                "Мәмілелер тізілімі " + period + " (" + format.toUpperCase() + ")",
                "Реестр сделок за " + period + " (" + format.toUpperCase() + ")",
                "Register of deals " + period + " (" + format.toUpperCase() + ")"));
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(Requests.required(value, field).strip());
        } catch (DateTimeParseException e) {
            throw Requests.invalid(field, LocalizedText.of("Күн ЖЖЖЖ-АА-КК түрінде беріледі.",
                    "Дата задаётся как ГГГГ-ММ-ДД.", "A day is given as YYYY-MM-DD."));
        }
    }

    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        Instruction instruction = confirmed.instruction();
        Request request = confirmed.request();
        Language language = Optional.ofNullable(Language.fromTag(request.language())).orElse(Language.RU);
        LocalDate fromDay = LocalDate.parse(request.from());
        LocalDate toDay = LocalDate.parse(request.to());
        Instant from = fromDay.atStartOfDay(Formats.BROKER_ZONE).toInstant();
        Instant to = toDay.plusDays(1).atStartOfDay(Formats.BROKER_ZONE).toInstant();
        List<Deal> deals = trading.deals(instruction.clientId(), from, to);
        Words words = Words.of(language);
        String title = words.title() + " · " + Formats.date(fromDay) + "–" + Formats.date(toDay);
        String id = "csv".equals(request.format())
                ? documents.issue(new FileSpec(KIND, instruction.clientId(), language, title, "text/csv", "csv",
                        instruction.id()), out -> csv(deals, out), confirmed.caller()).id()
                : documents.issue(new DocumentSpec(KIND, instruction.clientId(), language, title, pdf(deals, instruction,
                        fromDay, toDay, words, language), instruction.id()), confirmed.caller()).id();
        return Outcome.executed(List.of(id));
    }

    private List<Block> pdf(List<Deal> deals, Instruction instruction, LocalDate from, LocalDate to, Words words,
            Language language) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Fields(List.of(new Block.Field(words.period(), Formats.date(from) + "–" + Formats.date(to)
                + " (" + words.almaty() + ")"), new Block.Field(words.instruction(), instruction.number()),
                new Block.Field(words.count(), String.valueOf(deals.size())))));
        List<List<String>> rows = new ArrayList<>();
        Map<String, java.math.BigDecimal[]> totals = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Deal deal : deals) {
            int scale = ledger.asset(deal.currency()).map(Asset::scale).orElse(2);
            // the ISIN alone: with five numeric columns a name would wrap the ISIN; the names follow the table
            names.put(deal.isin(), ledger.asset(deal.isin()).map(asset -> asset.nameIn(language)).orElse(deal.isin()));
            rows.add(List.of(Formats.dateTime(deal.executedAt()), deal.side() == Side.BUY ? words.buy() : words.sell(),
                    deal.isin(), String.valueOf(deal.quantity()), deal.price().toPlainString(),
                    Formats.amount(deal.amount(), scale, language), Formats.amount(deal.fee(), scale, language),
                    deal.currency(), Formats.date(deal.settlementDate())));
            java.math.BigDecimal[] sums = totals.computeIfAbsent(deal.currency(), currency -> new java.math.BigDecimal[] {
                    java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO });
            sums[deal.side() == Side.BUY ? 0 : 1] = sums[deal.side() == Side.BUY ? 0 : 1].add(deal.amount());
            sums[2] = sums[2].add(deal.fee());
        }
        blocks.add(Block.Table.of(List.of(new Block.Column(words.executed(), 1.8f, false),
                new Block.Column(words.side(), 1.3f, false), new Block.Column("ISIN", 3f, false),
                new Block.Column(words.quantity(), 1f, true), new Block.Column(words.price(), 1.2f, true),
                new Block.Column(words.amount(), 1.6f, true), new Block.Column(words.fee(), 1.1f, true),
                new Block.Column(words.currency(), 0.9f, false), new Block.Column(words.settlement(), 1.4f, false)), rows,
                null));
        if (deals.isEmpty()) {
            blocks.add(new Block.Paragraph(words.none()));
        } else {
            blocks.add(new Block.Fields(names.entrySet().stream().map(name -> new Block.Field(name.getKey(), name.getValue()))
                    .toList()));
        }
        for (Map.Entry<String, java.math.BigDecimal[]> total : totals.entrySet()) {
            int scale = ledger.asset(total.getKey()).map(Asset::scale).orElse(2);
            blocks.add(new Block.Fields(List.of(
                    new Block.Field(words.bought() + ", " + total.getKey(), Formats.amount(total.getValue()[0], scale, language)),
                    new Block.Field(words.sold() + ", " + total.getKey(), Formats.amount(total.getValue()[1], scale, language)),
                    new Block.Field(words.fees() + ", " + total.getKey(), Formats.amount(total.getValue()[2], scale, language)))));
        }
        blocks.add(new Block.Paragraph(words.basis()));
        return blocks;
    }

    /** One line per deal, machine-readable: ISO times and dates, plain decimals, UTF-8. */
    static void csv(List<Deal> deals, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("executed_at,deal,order,execution,side,isin,quantity,price,amount,fee,currency,trade_date,settlement_date,entry\r\n");
        for (Deal deal : deals) {
            writer.write(String.join(",", deal.executedAt().toString(), deal.id(), deal.orderId(), quoted(deal.executionId()),
                    deal.side().name(), deal.isin(), String.valueOf(deal.quantity()), deal.price().toPlainString(),
                    deal.amount().toPlainString(), deal.fee().toPlainString(), deal.currency(), deal.tradeDate().toString(),
                    deal.settlementDate().toString(), String.valueOf(deal.entry())));
            writer.write("\r\n");
        }
        writer.flush();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String quoted(String value) {
        if (value == null) {
            return "";
        }
        return value.matches(".*[,\"\\r\\n].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    record Words(String title, String period, String almaty, String instruction, String count, String executed,
            String side, String security, String quantity, String price, String amount, String fee, String currency,
            String settlement, String buy, String sell, String bought, String sold, String fees, String none, String basis) {
        static Words of(Language language) {
            return switch (language) {
            case KK -> new Words("Мәмілелер тізілімі", "Кезең", "Алматы уақыты", "Клиент өтініші", "Мәмілелер саны",
                    "Орындалды", "Бағыты", "Бағалы қағаз", "Саны", "Бағасы", "Сомасы", "Комиссия", "Валюта", "Есеп айырысу",
                    "Сатып алу", "Сату", "Сатып алынды", "Сатылды", "Комиссиялар", "Кезеңде мәміле болған жоқ.",
                    "Тізілім номиналды ұстау есебі жүйесінің деректері бойынша жасалды (Ережелердің 7.3-тармағы).");
            case RU -> new Words("Реестр сделок", "Период", "время Алматы", "Поручение клиента", "Сделок", "Исполнена",
                    "Направление", "Ценная бумага", "Количество", "Цена", "Сумма", "Комиссия", "Валюта", "Расчёты",
                    "Покупка", "Продажа", "Куплено", "Продано", "Комиссии", "Сделок за период не было.",
                    "Реестр составлен по данным системы учёта номинального держания (п. 7.3 Правил).");
            case EN -> new Words("Register of deals", "Period", "Almaty time", "Client instruction", "Deals", "Executed",
                    "Side", "Security", "Quantity", "Price", "Amount", "Fee", "Currency", "Settlement", "Buy", "Sell",
                    "Bought", "Sold", "Fees", "There were no deals in the period.",
                    "The register is drawn from the records of the nominee-holding system (rules §7.3).");
            };
        }
    }
}
