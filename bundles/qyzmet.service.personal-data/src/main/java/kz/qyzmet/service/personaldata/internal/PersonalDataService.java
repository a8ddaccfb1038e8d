package kz.qyzmet.service.personaldata.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.ContactChanges;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.clients.api.Client;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.uploads.api.Upload;
import kz.qyzmet.uploads.api.Uploads;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.instructions.api.Outcome;
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
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * Change of personal data (issue #16, §7.2): phone, e-mail, postal address,
 * identity document, bank details, economic profile. A new phone or e-mail must
 * have been proven by the client with a code sent to it
 * ({@code POST /api/v1/auth/contact-proofs}) within the last hour; the client
 * confirms exactly the changes (§25.2); staff accept them from the queue within
 * 3 business days, and then, in the transaction of the acceptance, the client
 * record takes them (the previous version stays in its history, §16) and the
 * login follows the new phone or e-mail (§20: the old ones no longer work).
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = PersonalDataService.ID, category = Category.PERSONAL_ACCOUNT,
        assurance = Assurance.OPERATION_CONFIRMATION, processing = Processing.STAFF, processing_days = 3,
        title_kk = "Дербес деректерді өзгерту", title_ru = "Изменение персональных данных", title_en = "Change of personal data",
        description_kk = "Телефон, e-mail, пошталық мекенжай, жеке басын куәландыратын құжат, банк деректемелері, экономикалық профиль.",
        description_ru = "Телефон, e-mail, почтовый адрес, документ, удостоверяющий личность, банковские реквизиты, экономический профиль.",
        description_en = "Phone, e-mail, postal address, identity document, bank details, economic profile.")
public class PersonalDataService implements ServiceHandler<PersonalDataService.Request> {
    static final String ID = "personal-data";
    /** How long a proven phone or e-mail may wait to be named in a change. */
    static final Duration PROOF_VALIDITY = Duration.ofHours(1);

    /**
     * Only the fields given change; at least one must.
     *
     * @param phone            the new phone (proven first)
     * @param email            the new e-mail (proven first)
     * @param postalAddress    the new postal address
     * @param documentType     the identity document's kind
     * @param documentNumber   its number
     * @param documentIssuedOn its date of issue, {@code YYYY-MM-DD}
     * @param documentScans    its scans or photos, uploaded first (ids, comma-separated): kept only as long as configured
     * @param bankName         the bank of the account withdrawals go to
     * @param bankBic          its BIC
     * @param bankAccount      the account's IBAN
     * @param economicProfile  occupation, sources of income, expected turnover
     */
    public record Request(
            @MaxLength(20) @FormField(kk = "Жаңа телефон (алдымен растаңыз)", ru = "Новый телефон (сначала подтвердите)",
                    en = "New phone (prove it first)") String phone,
            @MaxLength(254) @FormField(kk = "Жаңа e-mail (алдымен растаңыз)", ru = "Новый e-mail (сначала подтвердите)",
                    en = "New e-mail (prove it first)") String email,
            @MaxLength(300) @FormField(kk = "Пошталық мекенжай", ru = "Почтовый адрес", en = "Postal address",
                    input = FormField.Input.MULTILINE) String postalAddress,
            @FormField(kk = "Құжат түрі", ru = "Вид документа", en = "Document type") @OneOf(value = { "id-card", "passport",
                    "residence-permit" }, labels = { "Жеке куәлік|Удостоверение личности|Identity card",
                            "Паспорт|Паспорт|Passport", "Ықтиярхат|Вид на жительство|Residence permit" }) String documentType,
            @MaxLength(20) @FormField(kk = "Құжат нөмірі", ru = "Номер документа", en = "Document number") String documentNumber,
            @FormField(kk = "Берілген күні", ru = "Дата выдачи", en = "Date of issue", input = FormField.Input.DATE)
            String documentIssuedOn,
            @MaxLength(200) @FormField(kk = "Жаңа құжаттың сканы (PDF, JPEG, PNG)", ru = "Скан нового документа (PDF, JPEG, PNG)",
                    en = "Scan of the new document (PDF, JPEG, PNG)", input = FormField.Input.FILES,
                    upload = DocumentScansResource.UPLOAD, accept = "application/pdf,image/jpeg,image/png") String documentScans,
            @MaxLength(100) @FormField(kk = "Банк", ru = "Банк", en = "Bank") String bankName,
            @MaxLength(11) @FormField(kk = "Банктің BIC", ru = "BIC банка", en = "Bank's BIC") String bankBic,
            @MaxLength(42) @FormField(kk = "Шот (IBAN)", ru = "Счёт (IBAN)", en = "Account (IBAN)") String bankAccount,
            @MaxLength(500) @FormField(kk = "Экономикалық профиль", ru = "Экономический профиль", en = "Economic profile",
                    input = FormField.Input.MULTILINE) String economicProfile) {
    }

    /** At most this many scans name one document (its pages, both sides). */
    static final int MAX_SCANS = 5;

    private final ClientRecords clients;
    private final ContactChanges contacts;
    private final Uploads uploads;

    @Activate
    public PersonalDataService(@Reference ClientRecords clients, @Reference ContactChanges contacts, @Reference Uploads uploads) {
        this.clients = clients;
        this.contacts = contacts;
        this.uploads = uploads;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        Client client = clients.find(context.clientId()).orElseThrow(() -> new ProblemException(409, CommonProblems.CONFLICT,
                LocalizedText.of("Клиенттің жазбасы жоқ: брокер кеңсесіне хабарласыңыз.",
                        "Записи клиента нет: обратитесь в офис брокера.", "There is no client record: contact the broker's office."),
                Map.of(), Map.of()));
        ChangeSet changes = ChangeSet.of(request, client.data(), contacts, context.now());
        if (changes.phone() != null) {
            requireProven(context, MessageChannel.SMS, changes.phone(), "phone");
        }
        if (changes.email() != null) {
            requireProven(context, MessageChannel.EMAIL, changes.email(), "email");
        }
        if (changes.request().documentNumber() != null) {
            changes = changes.withScans(scans(changes.request().documentScans(), context.clientId()));
        }
        return new Draft<>(ID, null, changes.request(), changes.summary());
    }

    /**
     * The scans of a new identity document: uploaded by this client for it, still
     * kept; the client confirms each by name and SHA-256 (§25.2), and staff open
     * them from the queue ({@code GET operator/personal-data/scans/<id>}).
     */
    private java.util.List<Upload> scans(String ids, String clientId) {
        java.util.List<String> named = ids == null ? java.util.List.of() : java.util.Arrays.stream(ids.split(","))
                .map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        if (named.isEmpty()) {
            throw Requests.invalid("documentScans", LocalizedText.of("Жаңа құжаттың сканын немесе фотосын жүктеңіз.",
                    "Загрузите скан или фото нового документа.", "Upload a scan or photo of the new document."));
        }
        if (named.size() > MAX_SCANS) {
            throw Requests.invalid("documentScans", LocalizedText.of("Ең көбі " + MAX_SCANS + " файл.",
                    "Не больше " + MAX_SCANS + " файлов.", "At most " + MAX_SCANS + " files."));
        }
        return named.stream().map(id -> uploads.find(id).filter(upload -> upload.clientId().equals(clientId)
                && Uploads.IDENTITY_DOCUMENT.equals(upload.purpose()) && !upload.purged())
                .orElseThrow(() -> Requests.invalid("documentScans", LocalizedText.of("{id} файлы табылмады: қайта жүктеңіз.",
                        "Файл {id} не найден: загрузите его заново.", "File {id} is not found: upload it again.")
                        .format(Map.of("id", id))))).toList();
    }

    /**
     * A new phone or e-mail is the client's only once a code sent to it came back,
     * in a session of the client's own (checked again when the stored request is).
     */
    private void requireProven(RequestContext context, String channel, String value, String field) {
        Instant since = context.now().minus(PROOF_VALIDITY);
        if (!contacts.proven(context.clientId(), channel, value, since)) {
            throw Requests.invalid(field, LocalizedText.of(
                    "{value} расталмаған: клиент оны өз кабинетінде жіберілген кодпен растайды (бір сағат ішінде).",
                    "{value} не подтверждён: клиент подтверждает его в своём кабинете кодом, отправленным туда (в течение часа).",
                    "{value} is not proven: the client proves it in their own cabinet with the code sent there (within the hour).")
                    .format(Map.of("value", value)));
        }
    }

    /** Staff review it within 3 business days (§7.2). */
    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        return Outcome.queued();
    }

    /**
     * Staff accepted: the record takes the changes (its history keeps the
     * previous version) and the login follows a new phone or e-mail, in the
     * acceptance's transaction; a phone or e-mail another account took meanwhile
     * is refused to staff (409), who then reject the change.
     */
    @Override
    public Outcome completing(Confirmed<Request> confirmed, List<String> documentIds) {
        Request request = confirmed.request();
        String clientId = confirmed.instruction().clientId();
        clients.update(clientId, ChangeSet.recordChanges(request), confirmed.caller().identity());
        if (request.phone() != null || request.email() != null) {
            contacts.change(clientId, request.phone(), request.email(), confirmed.caller());
        }
        return Outcome.executed(List.of());
    }
}
