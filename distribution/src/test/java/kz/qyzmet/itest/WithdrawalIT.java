package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Hold;
import kz.qyzmet.ledger.api.HoldState;
import kz.qyzmet.ledger.api.Holds;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;

/**
 * Withdrawals on the real platform (issue #15): from the request to the bank's
 * answer with the hold, the ledger and the journal agreeing at every step; the
 * simulated bank answers once the test moves the platform's clock past its delay.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WithdrawalIT {
    private static final String OWN_IBAN = "KZ86601A861000000001";
    /** The simulated bank's closed account (its default configuration). */
    private static final String CLOSED_IBAN = "KZ42722C000099999999";
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());
    private static boolean clockRegistered;

    @Inject
    BundleContext context;

    private ItSupport platform;

    @Configuration
    public Option[] configuration() throws Exception {
        // demo mode: the simulated bank is the gateway (production has none until one is configured)
        return ItPlatform.options("withdrawal", List.of("qyzmet-default"), Map.of("qyzmet.mode", "demo",
                "qyzmet.simulatedbank.delay.seconds", "60", "qyzmet.withdrawal.status.poll.seconds", "10"));
    }

    @Before
    public void setUp() throws Exception {
        synchronized (WithdrawalIT.class) {
            if (!clockRegistered) {
                ItSupport.registerClock(context, NOW);
                clockRegistered = true;
            }
        }
        platform = new ItSupport(context);
    }

    private record Client(ItSupport.ClientSession session, String account) {
        String[] bearer() {
            return session.bearer("en");
        }
    }

    /** A client with a record (name, bank account) and a personal account holding {@code tenge}. */
    private Client newClient(String iban, String tenge) throws Exception {
        ItSupport.ClientSession session = platform.newClientWithRecord("+77017", iban);
        String id = session.clientId();
        service(Ledger.class).post(new EntryRequest("wd-it-fund-" + id, "PAYMENT_IN", "Funding", "it", "it",
                List.of(Posting.of("EXT-BANK", "KZT", new BigDecimal(tenge).negate()), Posting.of(id, "KZT", new BigDecimal(tenge)))));
        return new Client(session, id);
    }

    private <T> T service(Class<T> type) {
        return context.getService(context.getServiceReference(type));
    }

    /** Asks for a withdrawal; the created request and its challenge. */
    private JsonNode request(Client client, String body) throws Exception {
        HttpResponse<String> created = platform.post("services/withdrawal/requests", body, client.bearer());
        assertEquals(created.body(), 201, created.statusCode());
        return ItSupport.json(created);
    }

    private JsonNode confirm(Client client, JsonNode created) throws Exception {
        return confirm(client, created, platform.latestCode(client.session().identityId()));
    }

    private JsonNode confirm(Client client, JsonNode created, String code) throws Exception {
        HttpResponse<String> confirmed = platform.post(created.get("confirmation").get("confirm").asText().replace("/api/v1/", ""),
                "{\"challengeId\":\"" + created.get("confirmation").get("challengeId").asText() + "\",\"code\":\"" + code + "\"}",
                client.bearer());
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        return ItSupport.json(confirmed);
    }

    private JsonNode view(Client client, String id) throws Exception {
        return ItSupport.json(platform.get("services/withdrawal/requests/" + id, client.bearer()));
    }

    private Balance kzt(String account) {
        return service(Ledger.class).balances(account).stream().filter(balance -> balance.asset().equals("KZT")).findFirst()
                .orElse(new Balance(account, "KZT", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private Hold hold(String instructionId) {
        return service(Holds.class).find("withdrawal:" + instructionId).orElseThrow();
    }

    private JsonNode payment(String instructionId) throws Exception {
        for (JsonNode payment : ItSupport.json(platform.operatorGet("operator/withdrawals?state=ALL&limit=500")).get("withdrawals")) {
            if (payment.get("instructionId").asText().equals(instructionId)) {
                return payment;
            }
        }
        throw new AssertionError("no payment of " + instructionId);
    }

    private void awaitPayment(String instructionId, String state) throws Exception {
        ItSupport.awaitChecked(Duration.ofSeconds(30), "payment " + state, () -> payment(instructionId).get("state").asText()
                .equals(state));
    }

    private void awaitStatus(Client client, String instructionId, String status) throws Exception {
        ItSupport.awaitChecked(Duration.ofSeconds(30), "instruction " + status, () -> view(client, instructionId).get("status")
                .asText().equals(status));
    }

    /** The bank answers after its delay by the platform's clock; the job asks again after its poll interval. */
    private static void bankAnswers() {
        NOW.updateAndGet(now -> now.plus(Duration.ofSeconds(75)));
    }

    private List<String> journal(String subject) {
        return service(AuditJournal.class).findBySubject(subject, 100).stream().map(AuditRecord::event)
                .map(event -> event.type()).toList();
    }

    @Test
    public void a_aWithdrawalIsHeldAtConfirmationSentAndSettledByTheBankWithLedgerHoldAndJournalAgreeing() throws Exception {
        Client client = newClient(OWN_IBAN, "1000000.00");
        BigDecimal bankBefore = service(Ledger.class).balances("EXT-BANK").stream().filter(b -> b.asset().equals("KZT"))
                .findFirst().map(Balance::total).orElse(BigDecimal.ZERO);
        JsonNode created = request(client, "{\"amount\":\"100000\",\"currency\":\"kzt\",\"purpose\":\"Savings\"}");
        JsonNode parameters = created.get("instruction").get("parameters");
        assertEquals("the fee is the tariff's (0.1 %, least 200 KZT), not the client's", "200.00", parameters.get("fee").asText());
        assertEquals("the beneficiary is the account on record", OWN_IBAN, parameters.get("iban").asText());
        String summary = created.get("instruction").get("summary").asText();
        assertTrue(summary, summary.contains("100,000.00 KZT") && summary.contains("fee 200.00 KZT")
                && summary.contains("total 100,200.00 KZT") && summary.contains(OWN_IBAN));
        String id = created.get("instruction").get("id").asText();
        assertEquals("nothing is held before the client confirms", new BigDecimal("1000000.00"), kzt(client.account()).available());

        JsonNode confirmed = confirm(client, created);
        assertEquals("IN_WORK", confirmed.get("status").asText());
        Balance held = kzt(client.account());
        assertEquals(new BigDecimal("899800.00"), held.available());
        assertEquals(new BigDecimal("100200.00"), held.held());
        assertEquals(HoldState.PLACED, hold(id).state());
        awaitPayment(id, "SENT");
        assertEquals("simulated", payment(id).get("gateway").asText());
        assertTrue("the hold and the instruction's move are journalled", journal("hold:withdrawal:" + id)
                .contains("ledger.hold.placed"));
        assertTrue(journal(id).containsAll(List.of("instruction.confirmed", "instruction.in-work", "withdrawal.held",
                "withdrawal.sending", "withdrawal.sent")));
        HttpResponse<String> tooLate = platform.post("services/withdrawal/requests/" + id + "/cancellation", "{}",
                client.bearer());
        assertEquals("a payment at the bank is no longer cancellable: " + tooLate.body(), 409, tooLate.statusCode());
        assertTrue(tooLate.body(), ItSupport.json(tooLate).get("detail").asText().contains("sent to the bank"));

        bankAnswers();
        awaitStatus(client, id, "EXECUTED");
        Balance after = kzt(client.account());
        assertEquals(new BigDecimal("899800.00"), after.available());
        assertEquals("no hold is left behind", 0, after.held().signum());
        assertEquals(HoldState.SETTLED, hold(id).state());
        assertEquals("SETTLED", payment(id).get("state").asText());
        BigDecimal bankAfter = service(Ledger.class).balances("EXT-BANK").stream().filter(b -> b.asset().equals("KZT"))
                .findFirst().map(Balance::total).orElseThrow();
        assertEquals("the bank's side paid out the amount", new BigDecimal("100000.00"), bankAfter.subtract(bankBefore)
                .setScale(2));
        assertTrue(journal(id).containsAll(List.of("withdrawal.settled", "instruction.executed")));
        assertTrue(journal("hold:withdrawal:" + id).contains("ledger.hold.settled"));
    }

    @Test
    public void b_aPaymentTheBankRejectsReleasesTheHoldAndTheClientReadsTheBanksReason() throws Exception {
        Client client = newClient(CLOSED_IBAN, "50000.00");
        JsonNode created = request(client, "{\"amount\":\"20000.50\",\"currency\":\"KZT\"}");
        String id = created.get("instruction").get("id").asText();
        confirm(client, created);
        assertEquals(new BigDecimal("20200.50"), kzt(client.account()).held());
        awaitPayment(id, "SENT");
        bankAnswers();
        awaitStatus(client, id, "REJECTED");
        JsonNode rejected = view(client, id);
        assertTrue(rejected.toString(), rejected.get("reason").asText().contains("closed") && rejected.get("reason").asText()
                .contains("AC04"));
        Balance after = kzt(client.account());
        assertEquals(new BigDecimal("50000.00"), after.available());
        assertEquals(0, after.held().signum());
        assertEquals(HoldState.RELEASED, hold(id).state());
        assertEquals("AC04", payment(id).get("reasonCode").asText());
        String russian = ItSupport.json(platform.get("services/withdrawal/requests/" + id, client.session().bearer("ru")))
                .get("reason").asText();
        assertTrue(russian, russian.contains("Банк отклонил платёж"));
    }

    @Test
    public void c_moreThanIsAvailableIsRefusedWithTheReasonAndHoldsNothing() throws Exception {
        Client client = newClient(OWN_IBAN, "10000.00");
        JsonNode created = request(client, "{\"amount\":\"9900\",\"currency\":\"KZT\"}");
        JsonNode refused = confirm(client, created);
        assertEquals("REFUSED", refused.get("status").asText());
        assertTrue(refused.toString(), refused.get("reason").asText().contains("Not enough money"));
        assertEquals(new BigDecimal("10000.00"), kzt(client.account()).available());
        assertTrue(service(Holds.class).find("withdrawal:" + created.get("instruction").get("id").asText()).isEmpty());
    }

    @Test
    public void d_aLargeWithdrawalWaitsForStaffWhoApproveOrDeclineItAndTheClientMayCancelItMeanwhile() throws Exception {
        Client client = newClient(OWN_IBAN, "20000000.00");
        // approved by staff: it goes to the bank and is settled
        JsonNode first = request(client, "{\"amount\":\"6000000\",\"currency\":\"KZT\"}");
        String approved = first.get("instruction").get("id").asText();
        assertEquals("ACCEPTED", confirm(client, first).get("status").asText());
        assertEquals("REVIEW", payment(approved).get("state").asText());
        assertEquals(new BigDecimal("6006000.00"), hold(approved).amount());
        assertEquals(200, platform.operatorPost("operator/queue/" + approved + "/take", "{}").statusCode());
        HttpResponse<String> complete = platform.operatorPost("operator/queue/" + approved + "/complete", "{\"documentIds\":[]}");
        assertEquals(complete.body(), 200, complete.statusCode());
        JsonNode handedOver = view(client, approved);
        assertEquals("approval hands it to the bank, not to EXECUTED", "IN_WORK", handedOver.get("status").asText());
        assertEquals("system:withdrawal", handedOver.get("takenBy").asText());
        awaitPayment(approved, "SENT");
        bankAnswers();
        awaitStatus(client, approved, "EXECUTED");

        // declined by staff: the hold goes back
        JsonNode second = request(client, "{\"amount\":\"5000000\",\"currency\":\"KZT\"}");
        String declined = second.get("instruction").get("id").asText();
        confirm(client, second);
        HttpResponse<String> reject = platform.operatorPost("operator/queue/" + declined + "/reject",
                "{\"reason\":{\"kk\":\"Құжаттар жетіспейді\",\"ru\":\"Не хватает документов\",\"en\":\"Documents missing\"}}");
        assertEquals(reject.body(), 200, reject.statusCode());
        assertEquals("REJECTED", view(client, declined).get("status").asText());
        assertEquals(HoldState.RELEASED, hold(declined).state());
        assertEquals("DECLINED", payment(declined).get("state").asText());

        // cancelled by the client while it waits: the hold goes back with the cancellation
        JsonNode third = request(client, "{\"amount\":\"5000000\",\"currency\":\"KZT\"}");
        String cancelled = third.get("instruction").get("id").asText();
        confirm(client, third);
        HttpResponse<String> cancellation = platform.post("services/withdrawal/requests/" + cancelled + "/cancellation", "{}",
                client.bearer());
        assertEquals(cancellation.body(), 200, cancellation.statusCode());
        String cancellationId = ItSupport.json(cancellation).get("id").asText();
        JsonNode challenge = ItSupport.json(platform.post("instructions/" + cancellationId + "/confirmation", "{}",
                client.bearer()));
        HttpResponse<String> done = platform.post("instructions/" + cancellationId + "/confirm", "{\"challengeId\":\""
                + challenge.get("challengeId").asText() + "\",\"code\":\"" + platform.latestCode(client.session().identityId())
                + "\"}", client.bearer());
        assertEquals(done.body(), "EXECUTED", ItSupport.json(done).get("status").asText());
        assertEquals("CANCELLED", view(client, cancelled).get("status").asText());
        assertEquals(HoldState.RELEASED, hold(cancelled).state());
        assertEquals("CANCELLED", payment(cancelled).get("state").asText());
        Balance after = kzt(client.account());
        assertEquals(new BigDecimal("13994000.00"), after.available());
        assertEquals(0, after.held().signum());
    }

    @Test
    public void e_fiftyConcurrentWithdrawalsFromOneAccountNeverOverdrawAndLeaveNoHoldBehind() throws Exception {
        Client client = newClient(OWN_IBAN, "1000000.00");
        List<JsonNode> created = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            created.add(request(client, "{\"amount\":\"30000\",\"currency\":\"KZT\"}"));
            codes.add(platform.latestCode(client.session().identityId()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int index = i;
            answers.add(pool.submit(() -> confirm(client, created.get(index), codes.get(index))));
        }
        int working = 0;
        int refused = 0;
        for (Future<JsonNode> answer : answers) {
            String status = answer.get().get("status").asText();
            if (status.equals("IN_WORK")) {
                working++;
            } else {
                assertEquals(answer.get().toString(), "REFUSED", status);
                assertTrue(answer.get().get("reason").asText().contains("Not enough money"));
                refused++;
            }
        }
        pool.shutdown();
        assertEquals("1,000,000 holds 33 withdrawals of 30,200", 33, working);
        assertEquals(17, refused);
        Balance held = kzt(client.account());
        assertEquals(new BigDecimal("3400.00"), held.available());
        assertEquals(new BigDecimal("996600.00"), held.held());
        for (JsonNode one : created) {
            String id = one.get("instruction").get("id").asText();
            if (service(Holds.class).find("withdrawal:" + id).isPresent()) {
                awaitPayment(id, "SENT");
            }
        }
        bankAnswers();
        for (JsonNode one : created) {
            String id = one.get("instruction").get("id").asText();
            if (service(Holds.class).find("withdrawal:" + id).isPresent()) {
                awaitStatus(client, id, "EXECUTED");
            }
        }
        Balance after = kzt(client.account());
        assertEquals(new BigDecimal("3400.00"), after.available());
        assertEquals("no hold is left behind", 0, after.held().signum());
        assertEquals(0, service(Holds.class).ofAccount(client.account(), HoldState.PLACED, 100).size());
    }

    @Test
    public void f_aRestartOfTheServiceBetweenHoldAndSettlementLosesNothing() throws Exception {
        Client client = newClient(OWN_IBAN, "300000.00");
        JsonNode created = request(client, "{\"amount\":\"100000\",\"currency\":\"KZT\"}");
        String id = created.get("instruction").get("id").asText();
        confirm(client, created);
        awaitPayment(id, "SENT");
        Bundle withdrawal = bundle("qyzmet.service.withdrawal");
        Bundle bank = bundle("qyzmet.payments.simulated");
        withdrawal.stop();
        bank.stop();
        bankAnswers();
        assertEquals("stopped, nothing moves", new BigDecimal("100200.00"), kzt(client.account()).held());
        bank.start();
        withdrawal.start();
        platform = new ItSupport(context);
        awaitStatus(client, id, "EXECUTED");
        assertEquals(0, kzt(client.account()).held().signum());
        assertEquals(new BigDecimal("199800.00"), kzt(client.account()).available());
    }

    @Test
    public void g_aCodeForOneWithdrawalDoesNotConfirmAnotherAndNoOtherBeneficiaryIsAccepted() throws Exception {
        Client client = newClient(OWN_IBAN, "100000.00");
        JsonNode small = request(client, "{\"amount\":\"100\",\"currency\":\"KZT\"}");
        String smallCode = platform.latestCode(client.session().identityId());
        JsonNode large = request(client, "{\"amount\":\"90000\",\"currency\":\"KZT\"}");
        // §25.2: the code of the 100 tenge withdrawal answered for the 90,000 one
        HttpResponse<String> swapped = platform.post(large.get("confirmation").get("confirm").asText().replace("/api/v1/", ""),
                "{\"challengeId\":\"" + small.get("confirmation").get("challengeId").asText() + "\",\"code\":\"" + smallCode
                        + "\"}", client.bearer());
        assertFalse(swapped.body(), swapped.statusCode() == 200);
        assertEquals(0, kzt(client.account()).held().signum());

        HttpResponse<String> other = platform.post("services/withdrawal/requests",
                "{\"amount\":\"100\",\"currency\":\"KZT\",\"iban\":\"KZ03722C000022222221\"}", client.bearer());
        assertEquals(400, other.statusCode());
        JsonNode problem = ItSupport.json(other);
        assertEquals("iban", problem.get("field").asText());
        assertTrue(problem.get("detail").asText().contains("change of personal data"));
        HttpResponse<String> cents = platform.post("services/withdrawal/requests", "{\"amount\":\"1.005\",\"currency\":\"KZT\"}",
                client.bearer());
        assertEquals(400, cents.statusCode());
        assertEquals("amount", ItSupport.json(cents).get("field").asText());
        assertNotNull(ItSupport.json(platform.post("services/withdrawal/requests", "{\"amount\":\"5\",\"currency\":\"XYZ\"}",
                client.bearer())).get("field"));
    }

    @Test
    public void h_aDisabledServiceRefusesWithTheOperatorsReason() throws Exception {
        Client client = newClient(OWN_IBAN, "1000.00");
        String reason = "{\"state\":\"DISABLED\",\"reason\":{\"kk\":\"Банк жұмыс істемейді\",\"ru\":\"Банк не работает\","
                + "\"en\":\"The bank is closed\"}}";
        assertEquals(200, platform.operatorPut("operator/services/withdrawal/state", reason).statusCode());
        try {
            HttpResponse<String> refused = platform.post("services/withdrawal/requests", "{\"amount\":\"100\",\"currency\":\"KZT\"}",
                    client.bearer());
            assertEquals(503, refused.statusCode());
            assertEquals("The bank is closed", ItSupport.json(refused).get("detail").asText());
        } finally {
            platform.operatorPut("operator/services/withdrawal/state", "{\"state\":\"ENABLED\"}");
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
