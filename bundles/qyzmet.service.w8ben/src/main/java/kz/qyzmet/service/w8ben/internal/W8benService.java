package kz.qyzmet.service.w8ben.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.jobs.api.Jobs;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.registry.api.Processing;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * IRS Form W-8BEN (issue #16, §7.2): the client fills in Parts I–III, reads the
 * certification and signs it by confirming the instruction with the one-time
 * code (§25.2, the electronic signature). Staff review it within 3 business days;
 * accepting it records the tax status on the client record (residence, not a US
 * person, the day it was signed; the history keeps the previous one, §16), issues
 * the form as a PDF in the form's own order, and schedules the reminder before it
 * expires at the end of the third calendar year after signing.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = W8benService.ID, category = Category.PERSONAL_ACCOUNT,
        assurance = Assurance.OPERATION_CONFIRMATION, processing = Processing.STAFF, processing_days = 3,
        title_kk = "W-8BEN нысаны", title_ru = "Форма W-8BEN", title_en = "Form W-8BEN",
        description_kk = "АҚШ салық мақсаттары үшін шетелдік тұлға мәртебесін растау (IRS W-8BEN): АҚШ табыстарынан ұстауды азайту.",
        description_ru = "Подтверждение статуса иностранного лица для целей налогообложения США (IRS W-8BEN): меньше удержаний с доходов США.",
        description_en = "Certificate of foreign status for US tax withholding (IRS W-8BEN): lower withholding on US income.")
public class W8benService implements ServiceHandler<W8benService.Request> {
    static final String ID = "w8ben";
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** Lines 1–10 and Part III of the form, in English as the form is. */
    public record Request(
            @Required @MaxLength(200) @FormField(kk = "1. Толық аты-жөні (латынша)", ru = "1. Полное имя (латиницей)",
                    en = "1. Name of individual who is the beneficial owner") String name,
            @Required @MaxLength(2) @FormField(kk = "2. Азаматтығы (ел коды, мысалы KZ)", ru = "2. Гражданство (код страны, например KZ)",
                    en = "2. Country of citizenship (code, e.g. KZ)") String citizenship,
            @Required @MaxLength(200) @FormField(kk = "3. Тұрақты мекенжай (көше, үй, пәтер)", ru = "3. Адрес постоянного проживания (улица, дом, кв.)",
                    en = "3. Permanent residence address (street, apt. or suite no.)") String residenceAddress,
            @Required @MaxLength(120) @FormField(kk = "Қала, облыс, индекс", ru = "Город, область, индекс",
                    en = "City or town, state or province, postal code") String residenceCity,
            @Required @MaxLength(2) @FormField(kk = "Тұратын елі (код)", ru = "Страна проживания (код)", en = "Country (code)")
            String residenceCountry,
            @MaxLength(200) @FormField(kk = "4. Пошталық мекенжай (басқа болса)", ru = "4. Почтовый адрес (если другой)",
                    en = "4. Mailing address (if different)") String mailingAddress,
            @MaxLength(120) @FormField(kk = "Пошта: қала, облыс, индекс", ru = "Почта: город, область, индекс",
                    en = "Mailing: city or town, state or province, postal code") String mailingCity,
            @MaxLength(2) @FormField(kk = "Пошта елі (код)", ru = "Страна почтового адреса (код)", en = "Mailing country (code)")
            String mailingCountry,
            @MaxLength(11) @FormField(kk = "5. АҚШ салық нөмірі (SSN/ITIN), қажет болса", ru = "5. Налоговый номер США (SSN/ITIN), если нужен",
                    en = "5. U.S. taxpayer identification number (SSN or ITIN), if required") String usTin,
            @MaxLength(30) @FormField(kk = "6a. Шетелдік салық нөмірі (ЖСН)", ru = "6a. Иностранный налоговый номер (ИИН)",
                    en = "6a. Foreign tax identifying number") String foreignTin,
            @MaxLength(200) @FormField(kk = "6b. Нөмір талап етілмесе — себебі", ru = "6b. Если номер не требуется — причина",
                    en = "6b. If no FTIN is legally required: why") String ftinNotRequired,
            @MaxLength(50) @FormField(kk = "7. Анықтамалық нөмір", ru = "7. Справочный номер", en = "7. Reference number(s)")
            String reference,
            @Required @FormField(kk = "8. Туған күні", ru = "8. Дата рождения", en = "8. Date of birth", input = FormField.Input.DATE)
            String dateOfBirth,
            @MaxLength(2) @FormField(kk = "9. Келісім бойынша резидент елі (код)", ru = "9. Страна резидентства по соглашению (код)",
                    en = "9. Treaty country of residence (code)") String treatyCountry,
            @MaxLength(30) @FormField(kk = "10. Келісім бабы мен тармағы", ru = "10. Статья и пункт соглашения",
                    en = "10. Treaty article and paragraph") String treatyArticle,
            @MaxLength(5) @FormField(kk = "Ұстау мөлшерлемесі, %", ru = "Ставка удержания, %", en = "Rate of withholding, %",
                    input = FormField.Input.AMOUNT) String treatyRate,
            @MaxLength(100) @FormField(kk = "Табыс түрі", ru = "Вид дохода", en = "Type of income") String treatyIncome,
            @MaxLength(500) @FormField(kk = "Қосымша шарттар", ru = "Дополнительные условия", en = "Additional conditions",
                    input = FormField.Input.MULTILINE) String treatyConditions,
            @FormField(kk = "Қол қоюшы", ru = "Подписант", en = "Signing as") @OneOf(value = { "beneficial-owner",
                    "authorized-representative" }, labels = { "Бенефициар иесі|Бенефициарный владелец|Beneficial owner",
                            "Өкілетті өкіл|Уполномоченный представитель|Authorized representative" }) String capacity,
            @MaxLength(200) @FormField(kk = "Өкілдің аты (латынша)", ru = "Имя представителя (латиницей)",
                    en = "Representative's name") String signerName) {
    }

    private final ClientRecords clients;
    private final Documents documents;
    private final Jobs jobs;

    @Activate
    public W8benService(@Reference ClientRecords clients, @Reference Documents documents, @Reference Jobs jobs) {
        this.clients = clients;
        this.documents = documents;
        this.jobs = jobs;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        Request form = W8benForm.check(request, LocalDate.ofInstant(context.now(), ALMATY));
        return new Draft<>(ID, null, form, summary(form));
    }

    /**
     * What the client signs with the code (§25.2): who, where, the TIN, the claim,
     * and the certification of Part III, shown before the code is asked.
     */
    static LocalizedText summary(Request form) {
        String who = form.name() + ", " + form.residenceCountry() + (form.foreignTin() == null ? "" : ", FTIN " + form.foreignTin())
                + (form.treatyCountry() == null ? "" : ", treaty " + form.treatyCountry() + " art. " + form.treatyArticle() + " "
                        + form.treatyRate() + " % " + form.treatyIncome());
        return LocalizedText.of(
                "W-8BEN: " + who + ". Жалған ақпарат үшін жауапкершілікті біле отырып, осы нысандағы мәліметтердің"
                        + " дұрыс және толық екенін, бенефициар иесінің АҚШ тұлғасы емес екенін және келісімдегі ел"
                        + " резиденті екенін растаймын; мәліметтер өзгерсе, 30 күн ішінде жаңа нысан беремін.",
                "W-8BEN: " + who + ". Под страхом ответственности за ложные сведения подтверждаю, что сведения в форме"
                        + " верны и полны, бенефициарный владелец не является лицом США и является резидентом страны"
                        + " соглашения; при изменении сведений подам новую форму в течение 30 дней.",
                "W-8BEN: " + who + ". Under penalties of perjury, I declare that I have examined the information on this"
                        + " form and to the best of my knowledge and belief it is true, correct, and complete; the beneficial"
                        + " owner is not a U.S. person and is a resident of the treaty country; I will submit a new form"
                        + " within 30 days if any certification becomes incorrect.");
    }

    /** Staff review it within 3 business days (§7.2). */
    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        return Outcome.queued();
    }

    /**
     * Staff accepted it: the tax status on the record, the form as a PDF, the
     * reminder before it expires — all in the acceptance's transaction.
     */
    @Override
    public Outcome completing(Confirmed<Request> confirmed, List<String> documentIds) {
        Request form = confirmed.request();
        Instruction instruction = confirmed.instruction();
        LocalDate signed = LocalDate.ofInstant(instruction.confirmedAt(), ALMATY);
        LocalDate validUntil = validUntil(signed);
        clients.update(instruction.clientId(), new ClientData(null, null, null, null, null, null, null, null, null, null, null, null,
                null, form.residenceCountry(), false, signed), confirmed.caller().identity());
        String document = documents.issue(W8benDocument.spec(instruction, form, signed, validUntil), confirmed.caller()).id();
        jobs.enqueue(W8benReminders.JOB, instruction.id(), Map.of("clientId", instruction.clientId(), "signedOn",
                signed.toString(), "validUntil", validUntil.toString()));
        return Outcome.executed(List.of(document));
    }

    /** A W-8BEN stays in effect until the last day of the third calendar year after the year it was signed. */
    static LocalDate validUntil(LocalDate signed) {
        return LocalDate.of(signed.getYear() + 3, 12, 31);
    }
}
