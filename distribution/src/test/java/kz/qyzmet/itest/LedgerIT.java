package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Entry;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.LedgerRefusal;
import kz.qyzmet.ledger.api.LedgerRefusal.Reason;
import kz.qyzmet.ledger.api.Operation;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.ledger.api.SubAccount;

/**
 * The ledger on a real MariaDB in a real framework: balanced entries only, no
 * overdraft under concurrent withdrawals, each refusal of rules §30, postings
 * the database will not change (§45.3), reversals, idempotent replays, as-of
 * balances that equal a recomputation, and full operation listings (§16).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LedgerIT {
    private static final String BANK = "EXT-BANK";
    private static final String DEPOSITORY = "EXT-CSD";
    private static final String APPLE = "US0378331005";

    @Inject
    BundleContext context;

    private Ledger ledger;

    @Configuration
    public Option[] configuration() throws Exception {
        // demo mode: the sample accounts are seeded (and this test's own accounts live beside them)
        return ItPlatform.options("ledger", List.of("qyzmet-default"), Map.of("qyzmet.mode", "demo"));
    }

    @Before
    public void assetsAndAccounts() {
        ledger = context.getService(context.getServiceReference(Ledger.class));
        ledger.defineAsset(new Asset("KZT", AssetKind.CURRENCY, 2, "Kazakhstani tenge"));
        ledger.defineAsset(new Asset("JPY", AssetKind.CURRENCY, 0, "Japanese yen"));
        ledger.defineAsset(new Asset(APPLE, AssetKind.SECURITY, 0, "Apple Inc."));
        ledger.openAccount(BANK, AccountType.EXTERNAL, null, "Correspondent account");
        ledger.openAccount(DEPOSITORY, AccountType.EXTERNAL, null, "Central securities depository");
    }

    private String client() {
        String id = "C-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.openAccount(id, AccountType.CLIENT, id, "Client " + id);
        return id;
    }

    private Entry pay(String account, String amount) {
        return ledger.post(new EntryRequest(UUID.randomUUID().toString(), "PAYMENT_IN", "Incoming payment", "bank-ref",
                "back-office", List.of(Posting.of(BANK, "KZT", new BigDecimal(amount).negate()),
                        Posting.of(account, "KZT", new BigDecimal(amount)))));
    }

    private Entry withdraw(String account, String amount) {
        return ledger.post(new EntryRequest(UUID.randomUUID().toString(), "WITHDRAWAL", "Withdrawal", "", "client",
                List.of(Posting.of(account, "KZT", new BigDecimal(amount).negate()), Posting.of(BANK, "KZT", new BigDecimal(amount)))));
    }

    private Entry securitiesIn(String account, String quantity) {
        return ledger.post(new EntryRequest(UUID.randomUUID().toString(), "SECURITIES_IN", "Transfer in", "", "back-office",
                List.of(Posting.of(DEPOSITORY, APPLE, new BigDecimal(quantity).negate()), Posting.of(account, APPLE, new BigDecimal(quantity)))));
    }

    private Balance balance(String account, String asset) {
        return ledger.balances(account).stream().filter(b -> b.asset().equals(asset)).findFirst().orElseThrow();
    }

    private static LedgerRefusal refused(Runnable request) {
        try {
            request.run();
        } catch (LedgerRefusal refusal) {
            return refusal;
        }
        throw new AssertionError("the ledger accepted it");
    }

    /** Rules §4: the demo version comes with sample clients that have money and securities. */
    @Test
    public void demoModeSeedsSampleAccountsOnce() {
        assertEquals(new BigDecimal("2500000.00"), balance("DEMO-0001", "KZT").available());
        assertEquals(new BigDecimal("25"), balance("DEMO-0001", APPLE).available());
        assertEquals(new BigDecimal("300.00"), balance("DEMO-0002", "USD").available());
        assertTrue(ledger.account("BROKER-OWN").isPresent());
    }

    @Test
    public void onlyBalancedEntriesArePosted() {
        String account = client();
        LedgerRefusal unbalanced = refused(() -> ledger.post(new EntryRequest("unbalanced-" + account, "PAYMENT_IN", "x", "",
                "t", List.of(Posting.of(BANK, "KZT", new BigDecimal("-10.00")), Posting.of(account, "KZT", new BigDecimal("9.99"))))));
        assertEquals(Reason.UNBALANCED, unbalanced.reason());
        LedgerRefusal tooPrecise = refused(() -> ledger.post(new EntryRequest("precise-" + account, "PAYMENT_IN", "x", "", "t",
                List.of(Posting.of(BANK, "JPY", new BigDecimal("-1.5")), Posting.of(account, "JPY", new BigDecimal("1.5"))))));
        assertEquals("JPY has no minor units", Reason.INVALID_AMOUNT, tooPrecise.reason());
        assertTrue("nothing was posted", ledger.balances(account).isEmpty());
    }

    /** Many threads withdraw from one account at once: it never goes below zero. */
    /**
     * Issue #11, item 16: reversals racing withdrawals and payments on one account. InnoDB may pick
     * any of them as a deadlock victim; the platform runs the victim again (with backoff), so every
     * call ends in its entry or a reason (§30), never a database error, and the balance adds up.
     */
    @Test
    public void reversalsRacingTransfersEndInAnEntryOrAReasonNeverAnError() throws Exception {
        String account = client();
        List<Entry> toReverse = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            toReverse.add(pay(account, "50.00"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(12);
        List<Callable<BigDecimal>> calls = new ArrayList<>();
        for (Entry entry : toReverse) {
            calls.add(() -> {
                ledger.reverse(entry.id(), "race-" + entry.id(), "race test", "back-office");
                return new BigDecimal("-50.00");
            });
            calls.add(() -> {
                try {
                    withdraw(account, "30.00");
                    return new BigDecimal("-30.00");
                } catch (LedgerRefusal refusal) {
                    assertEquals(Reason.INSUFFICIENT_FUNDS, refusal.reason());
                    return BigDecimal.ZERO;
                }
            });
            calls.add(() -> {
                pay(account, "10.00");
                return new BigDecimal("10.00");
            });
        }
        BigDecimal expected = new BigDecimal("600.00");
        try {
            for (java.util.concurrent.Future<BigDecimal> result : threads.invokeAll(calls)) {
                try {
                    expected = expected.add(result.get());
                } catch (java.util.concurrent.ExecutionException failed) {
                    // a reversal may be refused for lack of money the racing withdrawals took: a reason, not an error
                    if (!(failed.getCause() instanceof LedgerRefusal refusal) || refusal.reason() != Reason.INSUFFICIENT_FUNDS) {
                        throw new AssertionError("a racing call failed with an error instead of a reason", failed.getCause());
                    }
                }
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(expected, balance(account, "KZT").total());
    }

    @Test
    public void concurrentWithdrawalsNeverOverdraw() throws Exception {
        String account = client();
        pay(account, "1000.00");
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            attempts.add(() -> {
                try {
                    withdraw(account, "100.00");
                    return true;
                } catch (LedgerRefusal refusal) {
                    assertEquals(Reason.INSUFFICIENT_FUNDS, refusal.reason());
                    return false;
                }
            });
        }
        int accepted = 0;
        for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
            accepted += attempt.get() ? 1 : 0;
        }
        threads.shutdown();
        assertEquals("exactly the money there was", 10, accepted);
        assertEquals(new BigDecimal("0.00"), balance(account, "KZT").available());
    }

    /** Rules §30.2. */
    @Test
    public void notEnoughMoneyIsRefusedWithTheReason() {
        String account = client();
        pay(account, "50.00");
        LedgerRefusal refusal = refused(() -> withdraw(account, "50.01"));
        assertEquals(Reason.INSUFFICIENT_FUNDS, refusal.reason());
        assertTrue(refusal.text().ru(), refusal.text().ru().contains("доступно 50.00 KZT, нужно 50.01 KZT"));
        assertTrue(refusal.text().kk().contains("50.00"));
        assertEquals(new BigDecimal("50.00"), balance(account, "KZT").available());
    }

    /** Rules §30.1. */
    @Test
    public void writingOffMoreSecuritiesThanHeldIsRefused() {
        String account = client();
        securitiesIn(account, "10");
        LedgerRefusal refusal = refused(() -> ledger.post(new EntryRequest(UUID.randomUUID().toString(), "SECURITIES_OUT",
                "Transfer out", "", "client", List.of(Posting.of(account, APPLE, new BigDecimal("-11")),
                        Posting.of(DEPOSITORY, APPLE, new BigDecimal("11"))))));
        assertEquals(Reason.INSUFFICIENT_SECURITIES, refusal.reason());
        assertEquals(new BigDecimal("10"), balance(account, APPLE).total());
    }

    /** Rules §30.3: the securities are there, but held for a pending order or blocked by an authority. */
    @Test
    public void encumberedOrBlockedSecuritiesAreRefusedAsSuch() {
        String account = client();
        securitiesIn(account, "10");
        ledger.post(new EntryRequest(UUID.randomUUID().toString(), "HOLD", "Held for a sell order", "order-1", "trading",
                List.of(new Posting(account, SubAccount.AVAILABLE, APPLE, new BigDecimal("-6")),
                        new Posting(account, SubAccount.HELD, APPLE, new BigDecimal("6")))));
        ledger.post(new EntryRequest(UUID.randomUUID().toString(), "BLOCK", "Blocked by court order", "court-1", "back-office",
                List.of(new Posting(account, SubAccount.AVAILABLE, APPLE, new BigDecimal("-3")),
                        new Posting(account, SubAccount.BLOCKED, APPLE, new BigDecimal("3")))));
        Balance balance = balance(account, APPLE);
        assertEquals(new BigDecimal("1"), balance.available());
        assertEquals(new BigDecimal("6"), balance.held());
        assertEquals(new BigDecimal("3"), balance.blocked());
        assertEquals("available = balance − held − blocked", balance.total().subtract(balance.held()).subtract(balance.blocked()),
                balance.available());
        LedgerRefusal refusal = refused(() -> ledger.post(new EntryRequest(UUID.randomUUID().toString(), "SECURITIES_OUT",
                "Transfer out", "", "client", List.of(Posting.of(account, APPLE, new BigDecimal("-5")),
                        Posting.of(DEPOSITORY, APPLE, new BigDecimal("5"))))));
        assertEquals(Reason.ENCUMBERED, refusal.reason());
        assertTrue(refusal.text().en(), refusal.text().en().contains("6 held, 3 blocked"));
    }

    /** Rules §45.3: postings cannot be changed or deleted, not even by SQL. */
    @Test
    public void theDatabaseRefusesToChangePostings() throws Exception {
        String account = client();
        pay(account, "10.00");
        DataSource dataSource = /* the administrator: the platform's own account may not even try (§45) */ ItSupport.administrator(context, "");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String tampering : List.of("UPDATE ledger_posting SET amount = 1000000 WHERE account_id = '" + account + "'",
                    "DELETE FROM ledger_posting WHERE account_id = '" + account + "'",
                    "UPDATE ledger_entry SET description = 'x'", "DELETE FROM ledger_entry")) {
                try {
                    statement.executeUpdate(tampering);
                    fail("the database accepted: " + tampering);
                } catch (SQLException refused) {
                    assertTrue(refused.getMessage(), refused.getMessage().contains("immutable"));
                }
            }
        }
        assertEquals(new BigDecimal("10.00"), balance(account, "KZT").available());
    }

    @Test
    public void aReversalRestoresTheBalanceAndHappensOnce() {
        String account = client();
        pay(account, "100.00");
        Entry mistake = pay(account, "999.00");
        Entry reversal = ledger.reverse(mistake.id(), "reverse-" + mistake.id(), "posted to the wrong client", "back-office");
        assertEquals(Long.valueOf(mistake.id()), reversal.reverses());
        assertEquals(new BigDecimal("100.00"), balance(account, "KZT").available());
        assertEquals(Reason.ALREADY_REVERSED, refused(() -> ledger.reverse(mistake.id(), "again-" + mistake.id(), "x", "y")).reason());
        assertEquals("the repeat of the same reversal request is idempotent", reversal.id(),
                ledger.reverse(mistake.id(), "reverse-" + mistake.id(), "posted to the wrong client", "back-office").id());
    }

    @Test
    public void aRepeatedRequestReturnsTheFirstEntryAndPostsNothing() {
        String account = client();
        EntryRequest request = new EntryRequest("payment-" + account, "PAYMENT_IN", "Incoming payment", "ref", "bank",
                List.of(Posting.of(BANK, "KZT", new BigDecimal("-70.00")), Posting.of(account, "KZT", new BigDecimal("70.00"))));
        Entry first = ledger.post(request);
        Entry again = ledger.post(request);
        assertEquals(first.id(), again.id());
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(new BigDecimal("70.00"), balance(account, "KZT").available());
        Entry withdrawal = ledger.post(new EntryRequest("withdraw-all-" + account, "WITHDRAWAL", "Withdrawal", "", "client",
                List.of(Posting.of(account, "KZT", new BigDecimal("-70.00")), Posting.of(BANK, "KZT", new BigDecimal("70.00")))));
        Entry repeatedWithdrawal = ledger.post(new EntryRequest("withdraw-all-" + account, "WITHDRAWAL", "Withdrawal", "", "client",
                List.of(Posting.of(account, "KZT", new BigDecimal("-70.00")), Posting.of(BANK, "KZT", new BigDecimal("70.00")))));
        assertEquals("a repeat is answered, not judged again on the emptied account", withdrawal.id(), repeatedWithdrawal.id());
        assertEquals(new BigDecimal("0.00"), balance(account, "KZT").available());
        List<Entry> batch = ledger.postAll(List.of(request, new EntryRequest("batch-" + account, "PAYMENT_IN", "x", "", "bank",
                List.of(Posting.of(BANK, "KZT", new BigDecimal("-1.00")), Posting.of(account, "KZT", new BigDecimal("1.00"))))));
        assertTrue("a batch replays what was posted and posts the rest", batch.get(0).replayed() && !batch.get(1).replayed());
        assertEquals(new BigDecimal("1.00"), balance(account, "KZT").available());
        LedgerRefusal conflict = refused(() -> ledger.post(new EntryRequest("payment-" + account, "PAYMENT_IN", "x", "ref", "bank",
                List.of(Posting.of(BANK, "KZT", new BigDecimal("-71.00")), Posting.of(account, "KZT", new BigDecimal("71.00"))))));
        assertEquals(Reason.IDEMPOTENCY_CONFLICT, conflict.reason());
        LedgerRefusal atomic = refused(() -> ledger.postAll(List.of(
                new EntryRequest("atomic-1-" + account, "PAYMENT_IN", "x", "", "bank",
                        List.of(Posting.of(BANK, "KZT", new BigDecimal("-5.00")), Posting.of(account, "KZT", new BigDecimal("5.00")))),
                new EntryRequest("atomic-2-" + account, "WITHDRAWAL", "x", "", "client",
                        List.of(Posting.of(account, "KZT", new BigDecimal("-100.00")), Posting.of(BANK, "KZT", new BigDecimal("100.00")))))));
        assertEquals(Reason.INSUFFICIENT_FUNDS, atomic.reason());
        assertEquals("all or none", new BigDecimal("1.00"), balance(account, "KZT").available());
    }

    /** Rules §16.2, §16.3: balances as of any moment, and every operation of a period. */
    @Test
    public void asOfBalancesEqualARecomputationAndPeriodsListEveryOperation() {
        String account = client();
        Entry first = pay(account, "300.00");
        Entry second = withdraw(account, "120.00");
        Entry third = pay(account, "5.55");
        Instant afterFirst = first.postedAt();
        Instant afterSecond = second.postedAt();
        assertTrue(afterFirst.isBefore(afterSecond) && afterSecond.isBefore(third.postedAt()));
        assertEquals(new BigDecimal("300.00"), ledger.balancesAsOf(account, afterFirst).get(0).available());
        assertEquals(new BigDecimal("180.00"), ledger.balancesAsOf(account, afterSecond).get(0).available());
        assertEquals(balance(account, "KZT").available(), ledger.balancesAsOf(account, Instant.now().plusSeconds(60)).get(0).available());
        assertTrue(ledger.balancesAsOf(account, afterFirst.minusNanos(1000)).isEmpty());

        List<Operation> operations = new ArrayList<>();
        long count = ledger.operations(account, afterFirst, third.postedAt().plusNanos(1000), operations::add);
        assertEquals(3, count);
        BigDecimal movements = operations.stream().map(Operation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals("opening + movements = closing", balance(account, "KZT").total(), movements);
        assertEquals(List.of("PAYMENT_IN", "WITHDRAWAL", "PAYMENT_IN"), operations.stream().map(Operation::kind).toList());
    }

    @Test
    public void theBackOfficePostsReversesAndReadsOverRest() throws Exception {
        ItSupport platform = new ItSupport(context);
        ItSupport.awaitChecked(java.time.Duration.ofSeconds(30), "catalog answers", () -> platform.get("catalog").statusCode() == 200);
        String account = "C-REST-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(200, platform.operatorPost("operator/ledger/accounts",
                "{\"id\":\"" + account + "\",\"type\":\"CLIENT\",\"owner\":\"client-1\",\"name\":\"Test client\"}").statusCode());
        java.net.http.HttpResponse<String> paid = platform.operatorPost("operator/ledger/payments-in",
                "{\"idempotencyKey\":\"rest-pay-" + account + "\",\"account\":\"" + account + "\",\"counterpart\":\"" + BANK
                        + "\",\"asset\":\"KZT\",\"amount\":250.50,\"reference\":\"bank-123\"}");
        assertEquals(paid.body(), 200, paid.statusCode());
        long entry = ItSupport.json(paid).get("id").asLong();
        java.net.http.HttpResponse<String> shares = platform.operatorPost("operator/ledger/securities-in",
                "{\"idempotencyKey\":\"rest-sec-" + account + "\",\"account\":\"" + account + "\",\"counterpart\":\"" + DEPOSITORY
                        + "\",\"asset\":\"" + APPLE + "\",\"amount\":7}");
        assertEquals(shares.body(), 200, shares.statusCode());
        com.fasterxml.jackson.databind.JsonNode balances = ItSupport.json(platform.operatorGet("operator/ledger/accounts/" + account + "/balances"));
        assertEquals(2, balances.get("balances").size());

        java.net.http.HttpResponse<String> tooPrecise = platform.operatorPost("operator/ledger/payments-in",
                "{\"idempotencyKey\":\"rest-bad-" + account + "\",\"account\":\"" + account + "\",\"counterpart\":\"" + BANK
                        + "\",\"asset\":\"KZT\",\"amount\":1.001}", "Accept-Language", "kk");
        assertEquals(422, tooPrecise.statusCode());
        assertEquals("INVALID_AMOUNT", ItSupport.json(tooPrecise).get("reason").asText());
        assertEquals("kk", ItSupport.json(tooPrecise).get("language").asText());

        java.net.http.HttpResponse<String> reversed = platform.operatorPost("operator/ledger/entries/" + entry + "/reversal",
                "{\"idempotencyKey\":\"rest-rev-" + account + "\",\"reason\":\"wrong client\"}");
        assertEquals(reversed.body(), 200, reversed.statusCode());
        assertEquals(409, platform.operatorPost("operator/ledger/entries/" + entry + "/reversal",
                "{\"idempotencyKey\":\"rest-rev2-" + account + "\",\"reason\":\"again\"}").statusCode());

        String asOf = ItSupport.json(paid).get("postedAt").asText();
        com.fasterxml.jackson.databind.JsonNode then = ItSupport.json(platform.operatorGet(
                "operator/ledger/accounts/" + account + "/balances?asOf=" + asOf));
        assertEquals("250.50", then.get("balances").get(0).get("available").asText());
        com.fasterxml.jackson.databind.JsonNode operations = ItSupport.json(platform.operatorGet("operator/ledger/accounts/" + account
                + "/operations?from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z"));
        assertEquals(3, operations.get("count").asInt());
        assertEquals(3, operations.get("operations").size());

        kz.qyzmet.audit.api.AuditJournal journal = context.getService(context.getServiceReference(kz.qyzmet.audit.api.AuditJournal.class));
        List<kz.qyzmet.audit.api.AuditRecord> trail = journal.findBySubject("account:" + account, 10);
        assertTrue(trail.stream().anyMatch(r -> r.event().type().equals("ledger.entry.posted") && "refused".equals(r.event().details().get("outcome"))));
        assertTrue(trail.stream().anyMatch(r -> r.event().type().equals("ledger.account.opened")));
    }
}
