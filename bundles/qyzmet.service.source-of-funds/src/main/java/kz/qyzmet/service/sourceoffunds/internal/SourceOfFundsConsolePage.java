package kz.qyzmet.service.sourceoffunds.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.web.api.ConsoleRequest;
import kz.qyzmet.web.api.ConsolePage;

/**
 * Source of funds in the console (issue #15): the statements waiting for review
 * with their evidence files to open (each opening journalled by the operator
 * API), or one client's whole history ({@code ?client=…}). Approving and
 * rejecting are the queue's complete and reject.
 */
@Component(service = ConsolePage.class, property = ConsolePage.PATH_PROPERTY + "=source-of-funds")
public class SourceOfFundsConsolePage implements ConsolePage {
    private final SourceOfFundsRecords records;

    @Activate
    public SourceOfFundsConsolePage(@Reference SourceOfFundsRecords records) {
        this.records = records;
    }

    @Override
    public LocalizedText title() {
        return LocalizedText.of("Қаражат көзі", "Источник средств", "Source of funds");
    }

    @Override
    public String template() {
        return "console/source-of-funds.ftlh";
    }

    @Override
    public Map<String, Object> model(ConsoleRequest request) {
        String client = request.query().getOrDefault("client", "").strip();
        List<StatementRow> rows = client.isEmpty() ? records.undecided(100) : records.history(client, 100);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("client", client);
        model.put("statements", rows.stream().map(row -> SourceOfFundsViews.statement(row, records.evidenceOf(row.instructionId),
                OperatorSourceOfFundsResource.DOWNLOAD, request.language())).toList());
        model.put("words", WORDS.get(request.language()));
        return model;
    }

    private static final Map<Language, Map<String, String>> WORDS = Map.of(
            Language.KK, Map.ofEntries(Map.entry("client", "клиент"), Map.entry("lead", "Тексеруді күтетін мәлімдемелер; бекіту және бас тарту — кезекте."),
                    Map.entry("clientLabel", "Клиенттің тарихы (клиент коды)"), Map.entry("show", "Көрсету"),
                    Map.entry("history", "Клиент тарихы"), Map.entry("pending", "Шешім күтілуде"),
                    Map.entry("files", "Файлдар"), Map.entry("none", "Мәлімдеме жоқ."), Map.entry("until", "дейін жарамды"),
                    Map.entry("APPROVED", "Бекітілді"), Map.entry("REJECTED", "Бас тартылды"), Map.entry("CANCELLED", "Болдырылмады")),
            Language.RU, Map.ofEntries(Map.entry("client", "клиент"), Map.entry("lead", "Заявления, ожидающие проверки; одобрение и отказ — в очереди."),
                    Map.entry("clientLabel", "История клиента (код клиента)"), Map.entry("show", "Показать"),
                    Map.entry("history", "История клиента"), Map.entry("pending", "Ожидает решения"),
                    Map.entry("files", "Файлы"), Map.entry("none", "Заявлений нет."), Map.entry("until", "действует до"),
                    Map.entry("APPROVED", "Одобрено"), Map.entry("REJECTED", "Отказано"), Map.entry("CANCELLED", "Отменено")),
            Language.EN, Map.ofEntries(Map.entry("client", "client"), Map.entry("lead", "Statements waiting for review; approve and reject them in the queue."),
                    Map.entry("clientLabel", "A client's history (client id)"), Map.entry("show", "Show"),
                    Map.entry("history", "Client's history"), Map.entry("pending", "Awaiting decision"),
                    Map.entry("files", "Files"), Map.entry("none", "No statements."), Map.entry("until", "valid until"),
                    Map.entry("APPROVED", "Approved"), Map.entry("REJECTED", "Rejected"), Map.entry("CANCELLED", "Cancelled")));
}
