package kz.qyzmet.service.extract.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * The account extract (rules §7.1.1) on the service kit: the client asks for
 * the state of their personal account now or as of a time, confirms with the
 * code (§21, §25.2), and receives the PDF. Endpoints, assurance and the §29
 * refusals while the service is disabled are the platform's.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = "extract", category = Category.INFORMATION,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Жеке шот бойынша үзінді көшірме", title_ru = "Выписка по лицевому счёту", title_en = "Account extract",
        description_kk = "Жеке шоттағы ақша мен бағалы қағаздардың қазіргі немесе таңдалған сәттегі жай-күйі, PDF.",
        description_ru = "Состояние денег и ценных бумаг на лицевом счёте сейчас или на выбранный момент, в PDF.",
        description_en = "Money and securities on the personal account now or as of a chosen time, as PDF.")
public class ExtractService implements ServiceHandler<ExtractService.Request> {

    /**
     * @param account  the personal account; the client's own main account when absent
     * @param asOf     an ISO-8601 instant or a date (then: at the end of that day, Almaty time); now when absent
     * @param language kk, ru or en for the document; the session's language when absent
     */
    public record Request(@FormField(kk = "Жеке шот (бос болса — негізгі)", ru = "Лицевой счёт (пусто — основной)",
            en = "Personal account (empty: your main one)") String account,
            @FormField(kk = "Қай күнге (бос болса — қазір)", ru = "На дату (пусто — сейчас)", en = "As of (empty: now)",
                    input = FormField.Input.DATE) String asOf,
            @FormField(kk = "Құжат тілі", ru = "Язык документа", en = "Document language") @OneOf(value = { "kk", "ru", "en" },
            labels = { "Қазақша|Казахский|Kazakh", "Орысша|Русский|Russian", "Ағылшынша|Английский|English" }) String language) {
    }

    private final Ledger ledger;
    private final Documents documents;
    private final ExtractDocument document;

    /** Optional: without client records the extract names the account's holder as the ledger knows it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClientRecords clients;

    /** Optional: the last prices an extract of now values the positions at (issue #17); none without them. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile kz.qyzmet.trading.api.MarketData marketData;

    /** Optional: what currency a security's price is in. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile kz.qyzmet.trading.api.Instruments instruments;

    @Activate
    public ExtractService(@Reference Ledger ledger, @Reference Documents documents) {
        this.ledger = ledger;
        this.documents = documents;
        this.document = new ExtractDocument(ledger, () -> Optional.ofNullable(clients), this::price);
    }

    /** The last price of a security with its currency, if the market gives one. */
    private Optional<ExtractDocument.Price> price(String isin) {
        kz.qyzmet.trading.api.MarketData data = marketData;
        kz.qyzmet.trading.api.Instruments known = instruments;
        if (data == null || known == null) {
            return Optional.empty();
        }
        return known.find(isin).flatMap(instrument -> data.quote(isin).filter(quote -> quote.last() != null)
                .map(quote -> new ExtractDocument.Price(quote.last(), instrument.currency(), quote.at())));
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        String account = ledger.requestedAccount(request.account(), context.clientId()).id();
        Instant asOf = Requests.pastMoment("asOf", request.asOf(), context.now(), Formats.BROKER_ZONE);
        String language = context.documentLanguage("language", request.language()).tag();
        String when = asOf == null ? null : Formats.dateTime(asOf);
        LocalizedText summary = when == null
                ? LocalizedText.of(account + " шоты бойынша ағымдағы үзінді көшірме", "Выписка по счёту " + account + " на текущий момент",
                        "Extract of account " + account + " as of now")
                : LocalizedText.of(account + " шоты бойынша " + when + " жағдайы бойынша үзінді көшірме",
                        "Выписка по счёту " + account + " на " + when, "Extract of account " + account + " as of " + when);
        return new Draft<>(ExtractDocument.KIND, account, new Request(account, asOf == null ? null : asOf.toString(), language),
                summary);
    }

    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        ExtractDocument.Extract extract = document.of(confirmed.instruction(), confirmed.request());
        return Outcome.executed(List.of(documents.issue(extract.spec(), extract::keyFigures, confirmed.caller()).id()));
    }
}
