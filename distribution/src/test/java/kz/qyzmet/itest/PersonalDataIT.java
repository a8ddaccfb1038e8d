package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.clients.api.ClientRecords;

/**
 * Change of personal data on the real platform (issue #16, §7.2, §16, §20): a new
 * phone is proven with a code sent to it, staff accept the change within 3
 * business days, and only then does the login follow it; the record keeps the
 * previous version; new bank details are where withdrawals go next.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PersonalDataIT {
    private static final String PASSWORD = "Steppe-Strong-2026";
    private static int phones;

    @Inject
    BundleContext context;

    private ItSupport platform;

    @Configuration
    public Option[] configuration() throws Exception {
        return ItPlatform.options("personaldata", List.of("qyzmet-default"), Map.of("qyzmet.mode", "demo"));
    }

    @Before
    public void setUp() throws Exception {
        platform = new ItSupport(context);
    }

    private static synchronized String newPhone() {
        return "+77029" + String.format("%06d", ++phones);
    }

    private HttpResponse<String> prove(ItSupport.ClientSession client, String phone) throws Exception {
        HttpResponse<String> sent = platform.post("auth/contact-proofs", "{\"channel\":\"sms\",\"recipient\":\"" + phone + "\"}",
                client.bearer("en"));
        assertEquals(sent.body(), 202, sent.statusCode());
        return platform.post("auth/contact-proofs/verification", "{\"channel\":\"sms\",\"recipient\":\"" + phone
                + "\",\"code\":\"" + platform.latestCode(phone) + "\"}", client.bearer("en"));
    }

    private int login(String identifier) throws Exception {
        return platform.post("auth/login", "{\"identifier\":\"" + identifier + "\",\"password\":\"" + PASSWORD
                + "\",\"client\":\"app\"}").statusCode();
    }

    private void accept(String id) throws Exception {
        assertEquals(200, platform.operatorPost("operator/queue/" + id + "/take", "{}").statusCode());
        HttpResponse<String> done = platform.operatorPost("operator/queue/" + id + "/complete", "{\"documentIds\":[]}");
        assertEquals(done.body(), 200, done.statusCode());
    }

    private ClientRecords records() {
        return context.getService(context.getServiceReference(ClientRecords.class));
    }

    @Test
    public void aNewPhoneIsProvenAndTheLoginFollowsItOnlyOnceStaffAccept() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithRecord("+77014", "KZ86601A861000000001");
        String phone = newPhone();
        String body = "{\"phone\":\"" + phone.substring(0, 2) + " " + phone.substring(2) + "\"}";
        HttpResponse<String> unproven = platform.post("services/personal-data/requests", body, client.bearer("en"));
        assertEquals(unproven.body(), 400, unproven.statusCode());
        assertEquals("phone", ItSupport.json(unproven).get("field").asText());
        assertTrue(unproven.body(), ItSupport.json(unproven).get("detail").asText().contains("not proven"));

        platform.post("auth/contact-proofs", "{\"channel\":\"sms\",\"recipient\":\"" + phone + "\"}", client.bearer("en"));
        HttpResponse<String> wrong = platform.post("auth/contact-proofs/verification", "{\"channel\":\"sms\",\"recipient\":\""
                + phone + "\",\"code\":\"000000\"}", client.bearer("en"));
        assertEquals(400, wrong.statusCode());
        assertEquals(204, prove(client, phone).statusCode());

        Instant asked = Instant.now();
        String id = platform.requestConfirmed("personal-data", body, client, "ACCEPTED");
        JsonNode view = ItSupport.json(platform.get("services/personal-data/requests/" + id, client.bearer("en")));
        assertTrue(view.toString(), view.get("summary").asText().contains("Phone: " + phone));
        // staff have 3 business days (§7.2), counted on the platform's calendar (InstructionsDocumentsIT moves its clock)
        LocalDate due = LocalDate.ofInstant(Instant.parse(view.get("dueBy").asText()), ZoneId.of("Asia/Almaty"));
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(asked, ZoneId.of("Asia/Almaty")), due);
        assertTrue("3 business days: " + due, days >= 3 && days <= 10 && due.getDayOfWeek() != DayOfWeek.SATURDAY
                && due.getDayOfWeek() != DayOfWeek.SUNDAY);
        assertEquals("before staff accept, the new phone does not log in", 401, login(phone));
        assertEquals(200, login(client.phone()));

        accept(id);
        assertEquals("EXECUTED", ItSupport.json(platform.get("services/personal-data/requests/" + id, client.bearer("en")))
                .get("status").asText());
        assertEquals("the login follows the new phone (§20)", 200, login(phone));
        assertEquals("the old phone no longer logs in", 401, login(client.phone()));
        assertEquals(phone, records().find(client.clientId()).orElseThrow().data().phone());
        assertEquals("the record keeps the version before (§16)", client.phone(), records().asOf(client.clientId(), asked)
                .orElseThrow().data().phone());
        List<AuditRecord> changed = context.getService(context.getServiceReference(AuditJournal.class))
                .findBySubject(client.identityId(), 100).stream()
                .filter(record -> record.event().type().equals("auth.identity.contacts-changed")).toList();
        assertEquals(1, changed.size());
        assertFalse("no phone in the journal in clear", changed.get(0).event().toString().contains(phone.substring(1)));
    }

    @Test
    public void newBankDetailsAreWhereTheNextWithdrawalGoes() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithRecord("+77014", "KZ86601A861000000001");
        HttpResponse<String> wrong = platform.post("services/personal-data/requests", "{\"bankAccount\":\"KZ03722C000022222222\","
                + "\"bankBic\":\"CASPKZKA\"}", client.bearer("kk"));
        assertEquals(400, wrong.statusCode());
        assertEquals("bankAccount", ItSupport.json(wrong).get("field").asText());
        String toOther = "{\"amount\":\"100\",\"currency\":\"KZT\",\"iban\":\"KZ03722C000022222221\"}";
        assertEquals("before the change, another IBAN is refused", 400, platform.post("services/withdrawal/requests", toOther,
                client.bearer("en")).statusCode());
        String id = platform.requestConfirmed("personal-data", "{\"bankName\":\"Kaspi Bank\",\"bankAccount\":"
                + "\"kz03 722c 0000 2222 2221\",\"bankBic\":\"caspkzka\"}", client, "ACCEPTED");
        accept(id);
        assertEquals("KZ03722C000022222221", records().find(client.clientId()).orElseThrow().data().bankAccount());
        assertEquals("the new account on record is where money goes", 201, platform.post("services/withdrawal/requests",
                toOther, client.bearer("en")).statusCode());
    }

    @Test
    public void aPhoneAnotherAccountUsesCannotBeClaimedNorCanAManagerNameOne() throws Exception {
        ItSupport.ClientSession client = platform.newClientWithRecord("+77014", "KZ86601A861000000001");
        ItSupport.ClientSession other = platform.newClientWithRecord("+77014", "KZ86601A861000000001");
        HttpResponse<String> taken = platform.post("auth/contact-proofs", "{\"channel\":\"sms\",\"recipient\":\"" + other.phone()
                + "\"}", client.bearer("ru"));
        assertEquals(taken.body(), 409, taken.statusCode());
        assertTrue(taken.body(), ItSupport.json(taken).get("detail").asText().contains("другой учётной записью"));
        HttpResponse<String> prepared = platform.operatorPost("operator/services/personal-data/prepared", "{\"clientId\":\""
                + client.clientId() + "\",\"request\":{\"phone\":\"" + newPhone() + "\"}}");
        assertEquals("only the client proves a new phone: " + prepared.body(), 400, prepared.statusCode());
        HttpResponse<String> nothing = platform.post("services/personal-data/requests", "{}", client.bearer("en"));
        assertEquals(400, nothing.statusCode());
    }
}
