package kz.qyzmet.service.ipo.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.service.ipo.internal.IpoMapper.OfferingRow;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * Buying shares at the IPO price (issue #17, rules §7.3): the client subscribes
 * for lots of an open offering; the amount at the offer price is held at
 * confirmation (§30.2) and the instruction stays in work until the allocation,
 * which executes it with the client's notice. Cancellable while the window is
 * open (the core's cancellation, with its own code), which releases the money.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = IpoService.ID, category = Category.TRADING, assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "IPO-ға жазылу", title_ru = "Подписка на IPO", title_en = "IPO subscription",
        description_kk = "Бастапқы орналастыру бағасымен акцияларды сатып алу: ақша бөлуге дейін резервте.",
        description_ru = "Покупка акций по цене размещения: деньги в резерве до распределения.",
        description_en = "Buy shares at the offer price: the money is held until the allocation.")
public class IpoService implements ServiceHandler<IpoService.Request> {
    static final String ID = "ipo";

    /**
     * @param offering the offering's id
     * @param lots     how many lots, within the offering's minimum and maximum
     * @param account  the personal account; the client's main one when absent
     * @param language of the allotment notice; the caller's when absent
     * @param amount   lots × lot size × offer price, completed by the service
     */
    public record Request(
            @Required @MaxLength(36) @FormField(kk = "Орналастыру", ru = "Размещение", en = "Offering") String offering,
            @Required @FormField(kk = "Лот саны", ru = "Количество лотов", en = "Lots", input = FormField.Input.NUMBER) Long lots,
            @FormField(kk = "Жеке шот (бос болса — негізгі)", ru = "Лицевой счёт (пусто — основной)",
                    en = "Personal account (empty: your main one)") String account,
            @FormField(kk = "Хабарлама тілі", ru = "Язык уведомления", en = "Notice language") @OneOf(value = { "kk", "ru",
                    "en" }, labels = { "Қазақша|Казахский|Kazakh", "Орысша|Русский|Russian", "Ағылшынша|Английский|English" })
            String language,
            @FormField(kk = "Резервке", ru = "В резерв", en = "Held", input = FormField.Input.COMPUTED) BigDecimal amount) {
    }

    private final Offerings offerings;
    private final Ledger ledger;

    @Activate
    public IpoService(@Reference Offerings offerings, @Reference Ledger ledger) {
        this.offerings = offerings;
        this.ledger = ledger;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        OfferingRow offering = offerings.subscribable(request.offering().strip());
        String account = ledger.requestedAccount(request.account(), context.clientId()).id();
        long lots = request.lots();
        if (lots < offering.minLots || lots > offering.maxLots) {
            throw Requests.invalid("lots", LocalizedText.of("Лот саны {min}-ден {max}-ға дейін.",
                    "Количество лотов от {min} до {max}.", "From {min} to {max} lots.").format(Map.of("min",
                            offering.minLots, "max", offering.maxLots)));
        }
        BigDecimal amount = offerings.amount(offering, lots);
        BigDecimal available = ledger.balances(account).stream().filter(balance -> balance.asset().equals(offering.currency))
                .findFirst().map(Balance::available).orElse(BigDecimal.ZERO);
        if (available.compareTo(amount) < 0) {
            // §30.2: said before the client confirms; the hold checks again under lock
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                    "{account} шотында ақша жеткіліксіз: қолжетімді {available} {currency}, жазылуға {amount} қажет (§30.2).",
                    "Недостаточно денег на счёте {account}: доступно {available} {currency}, для подписки нужно {amount} (§30.2).",
                    "Not enough money on account {account}: {available} {currency} available, the subscription needs {amount}"
                            + " (§30.2).").format(Map.of("account", account, "available", available.toPlainString(),
                                    "currency", offering.currency, "amount", amount.toPlainString())),
                    Map.of("reason", "INSUFFICIENT_FUNDS"), Map.of());
        }
        Language language = context.documentLanguage("language", request.language());
        String what = offering.issuer + " (" + offering.isin + "): " + lots + " × " + offering.lotSize + " @ "
                + offering.offerPrice.stripTrailingZeros().toPlainString() + " " + offering.currency;
        String held = Formats.amount(amount, amount.scale(), language) + " " + offering.currency;
        return new Draft<>("subscription", account, new Request(offering.id, lots, account, language.tag(), amount),
                LocalizedText.of("IPO-ға жазылу: " + what + "; резервке " + held + " (" + account + ")",
                        "Подписка на IPO: " + what + "; в резерв " + held + " (" + account + ")",
                        "IPO subscription: " + what + "; held " + held + " (" + account + ")"));
    }

    /** The hold, the subscription and the instruction's move commit together. */
    @Override
    public boolean executesInTransaction() {
        return true;
    }

    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        try {
            offerings.subscribe(confirmed.instruction(), confirmed.request().offering(), confirmed.request().lots(),
                    confirmed.caller());
        } catch (LedgerRefusal refused) {
            return Outcome.refused(refused.text());
        } catch (ProblemException closed) {
            return Outcome.refused(closed.detail());
        }
        return Outcome.working();
    }

    @Override
    public Optional<LocalizedText> whyNotCancellable(Confirmed<Request> request) {
        return offerings.whyNotCancellable(request.request().offering());
    }

    @Override
    public void ending(Confirmed<Request> request, InstructionStatus to, LocalizedText reason) {
        offerings.cancel(request.instruction().id(), request.caller());
    }
}
