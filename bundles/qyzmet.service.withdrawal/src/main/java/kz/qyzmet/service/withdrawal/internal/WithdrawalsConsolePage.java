package kz.qyzmet.service.withdrawal.internal;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.web.api.ConsolePage;
import kz.qyzmet.web.api.ConsoleRequest;

/**
 * The back office's view of withdrawals in the console (issue #15): the pending
 * ones by default — in review, held, being sent, at the bank — or those of one
 * state, with the bank's answer. Review itself is the queue's take and complete.
 */
@Component(service = ConsolePage.class, property = ConsolePage.PATH_PROPERTY + "=withdrawals")
public class WithdrawalsConsolePage implements ConsolePage {
    private static final List<String> PENDING = List.of("REVIEW", "HELD", "SENDING", "SENT");

    private final Payments payments;

    @Activate
    public WithdrawalsConsolePage(@Reference Payments payments) {
        this.payments = payments;
    }

    @Override
    public LocalizedText title() {
        return LocalizedText.of("Ақша шығару", "Выводы денег", "Withdrawals");
    }

    @Override
    public String template() {
        return "console/withdrawals.ftlh";
    }

    @Override
    public Map<String, Object> model(ConsoleRequest request) {
        String wanted = request.query().getOrDefault("state", "");
        boolean known = Arrays.stream(PaymentStage.values()).anyMatch(stage -> stage.name().equals(wanted));
        List<String> states = known ? List.of(wanted) : "ALL".equals(wanted) ? null : PENDING;
        Language language = request.language();
        List<Map<String, Object>> rows = payments.list(states, 200).stream().map(row -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("number", row.instructionNo);
            view.put("client", row.clientId);
            view.put("account", row.accountId);
            view.put("amount", row.amount.stripTrailingZeros().toPlainString() + " " + row.currency);
            view.put("fee", row.fee.stripTrailingZeros().toPlainString() + " " + row.currency);
            view.put("iban", row.creditorIban);
            view.put("state", row.state);
            view.put("stateText", STATES.getOrDefault(row.state, LocalizedText.of(row.state, row.state, row.state)).in(language));
            view.put("reviewed", row.reviewed);
            view.put("gateway", row.gateway == null ? "" : row.gateway);
            view.put("bank", row.reasonCode == null ? (row.bankReference == null ? "" : row.bankReference)
                    : row.reasonCode + (row.reasonText == null ? "" : " · " + row.reasonText));
            view.put("createdAt", row.createdAt.toInstant(ZoneOffset.UTC));
            return view;
        }).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("state", known || "ALL".equals(wanted) ? wanted : "");
        model.put("states", Arrays.stream(PaymentStage.values()).map(stage -> Map.of("value", stage.name(), "label",
                STATES.get(stage.name()).in(language))).toList());
        model.put("words", WORDS.get(language));
        return model;
    }

    private static final Map<String, LocalizedText> STATES = Map.of(
            "REVIEW", LocalizedText.of("Тексеруде", "На проверке", "In review"),
            "HELD", LocalizedText.of("Ұсталды", "Удержано", "Held"),
            "SENDING", LocalizedText.of("Жіберілуде", "Отправляется", "Sending"),
            "SENT", LocalizedText.of("Банкте", "В банке", "At the bank"),
            "SETTLED", LocalizedText.of("Төленді", "Оплачено", "Settled"),
            "REJECTED", LocalizedText.of("Банк қабылдамады", "Отклонено банком", "Rejected by the bank"),
            "CANCELLED", LocalizedText.of("Болдырылмады", "Отменено", "Cancelled"),
            "DECLINED", LocalizedText.of("Қызметкер қабылдамады", "Отклонено сотрудником", "Declined by staff"));

    private static final Map<Language, Map<String, String>> WORDS = Map.of(
            Language.KK, Map.ofEntries(Map.entry("lead", "Күтіп тұрған ақша шығарулар және олардың банктегі күйі. Тексеру — кезекте."),
                    Map.entry("filter", "Күйі"), Map.entry("pending", "Күтудегілер"), Map.entry("all", "Барлығы"),
                    Map.entry("show", "Көрсету"), Map.entry("number", "Нөмір"), Map.entry("client", "Клиент"),
                    Map.entry("amount", "Сома"), Map.entry("fee", "Комиссия"), Map.entry("iban", "IBAN"),
                    Map.entry("state", "Күйі"), Map.entry("bank", "Банк жауабы"), Map.entry("created", "Құрылды"),
                    Map.entry("none", "Мұндай ақша шығару жоқ.")),
            Language.RU, Map.ofEntries(Map.entry("lead", "Ожидающие выводы денег и их статус в банке. Проверка — в очереди."),
                    Map.entry("filter", "Статус"), Map.entry("pending", "Ожидающие"), Map.entry("all", "Все"),
                    Map.entry("show", "Показать"), Map.entry("number", "Номер"), Map.entry("client", "Клиент"),
                    Map.entry("amount", "Сумма"), Map.entry("fee", "Комиссия"), Map.entry("iban", "IBAN"),
                    Map.entry("state", "Статус"), Map.entry("bank", "Ответ банка"), Map.entry("created", "Создан"),
                    Map.entry("none", "Таких выводов нет.")),
            Language.EN, Map.ofEntries(Map.entry("lead", "Pending withdrawals and their status at the bank. Review is in the queue."),
                    Map.entry("filter", "State"), Map.entry("pending", "Pending"), Map.entry("all", "All"),
                    Map.entry("show", "Show"), Map.entry("number", "Number"), Map.entry("client", "Client"),
                    Map.entry("amount", "Amount"), Map.entry("fee", "Fee"), Map.entry("iban", "IBAN"),
                    Map.entry("state", "State"), Map.entry("bank", "Bank's answer"), Map.entry("created", "Created"),
                    Map.entry("none", "No such withdrawals.")));
}
