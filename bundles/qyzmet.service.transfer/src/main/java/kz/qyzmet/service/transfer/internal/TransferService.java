package kz.qyzmet.service.transfer.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.ledger.api.OperationKinds;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * Money or securities between two of the client's own personal accounts (issue
 * #15): one ledger entry, posted in the same transaction as the instruction's
 * move, so the transfer is all or nothing and never half done. The ledger's
 * refusals name the reason: more securities than on the account (§30.1), not
 * enough money (§30.2), securities there but encumbered or blocked (§30.3).
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = TransferService.ID, category = Category.PERSONAL_ACCOUNT,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Шоттар арасындағы аударым", title_ru = "Перевод между счетами", title_en = "Transfer between accounts",
        description_kk = "Өз жеке шоттарыңыз арасында ақша немесе бағалы қағаздар, бірден.",
        description_ru = "Деньги или ценные бумаги между вашими лицевыми счетами, сразу.",
        description_en = "Money or securities between your own personal accounts, at once.")
public class TransferService implements ServiceHandler<TransferService.Request> {
    static final String ID = "transfer";

    /**
     * @param from     the personal account to take from; the client's main one when absent
     * @param to       another of the client's personal accounts
     * @param asset    a currency (ISO 4217) or a security (ISIN)
     * @param quantity the amount of money or number of securities, positive, within the asset's scale
     */
    public record Request(
            @FormField(kk = "Қай шоттан (бос болса — негізгі)", ru = "Со счёта (пусто — основной)",
                    en = "From account (empty: your main one)") String from,
            @Required @FormField(kk = "Қай шотқа", ru = "На счёт", en = "To account") String to,
            @Required @MaxLength(12) @FormField(kk = "Валюта немесе ISIN", ru = "Валюта или ISIN",
                    en = "Currency or ISIN") String asset,
            @Required @FormField(kk = "Сома немесе саны", ru = "Сумма или количество", en = "Amount or quantity",
                    input = FormField.Input.AMOUNT) BigDecimal quantity) {
    }

    private final Ledger ledger;

    @Activate
    public TransferService(@Reference Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        Account from = ledger.requestedAccount(request.from(), context.clientId());
        String target = request.to().strip();
        // another client's account is "not found" for this client (§18), never "not yours"
        Account to = ledger.clientAccount(target, context.clientId()).orElseThrow(() -> Requests.invalid("to",
                LocalizedText.of("{account} жеке шоты табылмады.", "Лицевой счёт {account} не найден.",
                        "Personal account {account} not found.").format(Map.of("account", target))));
        if (from.id().equals(to.id())) {
            throw Requests.invalid("to", LocalizedText.of("Аударым басқа шотқа жасалады.", "Перевод делается на другой счёт.",
                    "A transfer goes to another account."));
        }
        String code = request.asset().strip().toUpperCase(Locale.ROOT);
        Asset asset = ledger.asset(code).orElseThrow(() -> Requests.invalid("asset", LocalizedText.of(
                "{asset} активі белгісіз.", "Актив {asset} неизвестен.", "Unknown asset {asset}.").format(Map.of("asset", code))));
        BigDecimal quantity = asset.positive("quantity", request.quantity());
        String shown = quantity.toPlainString() + " " + code;
        return new Draft<>("transfer", from.id(), new Request(from.id(), to.id(), code, quantity), LocalizedText.of(
                "Аударым: " + shown + ", " + from.id() + " → " + to.id(),
                "Перевод: " + shown + ", " + from.id() + " → " + to.id(),
                "Transfer: " + shown + ", " + from.id() + " → " + to.id()));
    }

    /** The entry and the instruction's move commit together: a transfer is never half done. */
    @Override
    public boolean executesInTransaction() {
        return true;
    }

    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        Request request = confirmed.request();
        try {
            ledger.post(new EntryRequest("transfer:" + confirmed.instruction().id(), OperationKinds.TRANSFER,
                    "Transfer " + confirmed.instruction().number() + ": " + request.from() + " → " + request.to(),
                    confirmed.instruction().number(), confirmed.caller().identity(),
                    List.of(Posting.of(request.from(), request.asset(), request.quantity().negate()),
                            Posting.of(request.to(), request.asset(), request.quantity()))));
        } catch (LedgerRefusal refused) {
            // §30.1, §30.2, §30.3 in the client's words; nothing was posted
            return Outcome.refused(refused.text());
        }
        return Outcome.executed(List.of());
    }
}
