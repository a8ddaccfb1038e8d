package kz.qyzmet.service.personaldata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.web.api.CabinetPage;
import kz.qyzmet.web.api.PageRequest;

/**
 * The service's page in the cabinet: what is on record now, the step that
 * proves a new phone or e-mail (a code sent there), and the kit's own request
 * form and confirmation dialog for the change (§25.2).
 */
@Component(service = CabinetPage.class, property = CabinetPage.SERVICE_PROPERTY + "=" + PersonalDataService.ID)
public class PersonalDataPage implements CabinetPage {
    private final ClientRecords clients;

    @Activate
    public PersonalDataPage(@Reference ClientRecords clients) {
        this.clients = clients;
    }

    @Override
    public String template() {
        return "pages/personal-data.ftlh";
    }

    @Override
    public Map<String, Object> model(PageRequest request) {
        Language language = request.language();
        List<Map<String, String>> current = new ArrayList<>();
        clients.find(request.clientId()).map(client -> client.data()).ifPresent(data -> onRecord(data, language, current));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("current", current);
        model.put("words", WORDS.get(language));
        return model;
    }

    private static void onRecord(ClientData data, Language language, List<Map<String, String>> lines) {
        add(lines, LocalizedText.of("Телефон", "Телефон", "Phone"), data.phone(), language);
        add(lines, LocalizedText.of("E-mail", "E-mail", "E-mail"), data.email(), language);
        add(lines, LocalizedText.of("Пошталық мекенжай", "Почтовый адрес", "Postal address"), data.postalAddress(), language);
        add(lines, LocalizedText.of("Құжат", "Документ", "Document"), data.documentNumber() == null ? null
                : data.documentType() + " " + data.documentNumber() + (data.documentIssuedOn() == null ? ""
                        : ", " + data.documentIssuedOn()), language);
        add(lines, LocalizedText.of("Банк деректемелері", "Банковские реквизиты", "Bank details"), data.bankAccount() == null
                ? null : (data.bankName() == null ? "" : data.bankName() + ", ") + data.bankAccount() + (data.bankBic() == null
                        ? "" : ", BIC " + data.bankBic()), language);
        add(lines, LocalizedText.of("Экономикалық профиль", "Экономический профиль", "Economic profile"),
                data.economicProfile(), language);
    }

    private static void add(List<Map<String, String>> lines, LocalizedText label, String value, Language language) {
        lines.add(Map.of("label", label.in(language), "value", value == null || value.isBlank() ? "—" : value));
    }

    private static final Map<Language, Map<String, String>> WORDS = Map.of(
            Language.KK, Map.ofEntries(Map.entry("current", "Қазір тіркелген"),
                    Map.entry("prove", "Жаңа телефонды немесе e-mail-ды растау"),
                    Map.entry("proveLead", "Жаңа телефон немесе e-mail өзгертуде аталмас бұрын оған жіберілген кодпен расталады."),
                    Map.entry("channel", "Не растаймыз"), Map.entry("sms", "Телефон (SMS)"), Map.entry("email", "E-mail"),
                    Map.entry("recipient", "Жаңа телефон немесе e-mail"), Map.entry("send", "Код жіберу"),
                    Map.entry("code", "Сол жерге келген код"), Map.entry("proveButton", "Растау"),
                    Map.entry("proven", "Расталды: енді оны төмендегі өзгертуде көрсетіңіз (бір сағат ішінде).")),
            Language.RU, Map.ofEntries(Map.entry("current", "Сейчас записано"),
                    Map.entry("prove", "Подтвердить новый телефон или e-mail"),
                    Map.entry("proveLead", "Новый телефон или e-mail подтверждается кодом, отправленным туда, до того как его указать в изменении."),
                    Map.entry("channel", "Что подтверждаем"), Map.entry("sms", "Телефон (SMS)"), Map.entry("email", "E-mail"),
                    Map.entry("recipient", "Новый телефон или e-mail"), Map.entry("send", "Отправить код"),
                    Map.entry("code", "Код, пришедший туда"), Map.entry("proveButton", "Подтвердить контакт"),
                    Map.entry("proven", "Подтверждено: теперь укажите его в изменении ниже (в течение часа).")),
            Language.EN, Map.ofEntries(Map.entry("current", "On record now"),
                    Map.entry("prove", "Prove a new phone or e-mail"),
                    Map.entry("proveLead", "A new phone or e-mail is proven with a code sent there before a change names it."),
                    Map.entry("channel", "What to prove"), Map.entry("sms", "Phone (SMS)"), Map.entry("email", "E-mail"),
                    Map.entry("recipient", "New phone or e-mail"), Map.entry("send", "Send the code"),
                    Map.entry("code", "The code that arrived there"), Map.entry("proveButton", "Prove the contact"),
                    Map.entry("proven", "Proven: now name it in the change below (within the hour).")));
}
