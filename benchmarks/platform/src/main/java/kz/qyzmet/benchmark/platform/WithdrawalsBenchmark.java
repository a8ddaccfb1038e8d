package kz.qyzmet.benchmark.platform;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientKind;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;

/**
 * Withdrawals (issue #15), end to end through the platform's REST API over its
 * plain loopback listener: {@code POST services/withdrawal/requests} (the draft:
 * account, tariff fee, the IBAN on record, the instruction and its code), then
 * {@code POST instructions/{id}/confirm} (the code checked, and in one transaction
 * the hold of amount + fee, the payment's row, the job and the journal records).
 * 1 and 8 clients, each on their own account; the simulated bank of demo mode
 * settles them in the background meanwhile. At the end every client's balance
 * must add up: available + held = funded − what the bank settled.
 */
final class WithdrawalsBenchmark {
    private static final String PASSWORD = "Tenge#Withdraw!";
    private static final BigDecimal FUNDS = new BigDecimal("1000000000.00");
    private static final int CLIENTS = 8;

    private final Harness harness;
    private final Ledger ledger;
    private final ClientRecords clients;
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    WithdrawalsBenchmark(Harness harness, Ledger ledger, ClientRecords clients) {
        this.harness = harness;
        this.ledger = ledger;
        this.clients = clients;
    }

    private record Client(String id, String identity, String token) {
    }

    void run() throws Exception {
        String operator = harness.operatorToken();
        List<Client> all = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            all.add(newClient(operator, i));
        }
        System.out.printf("%nQyzmet withdrawals benchmark: request + confirm through REST, %d s per scenario, %d cores%n",
                harness.configuration.seconds(), harness.cores);
        harness.header();
        Harness.Task withdraw = thread -> withdraw(all.get(thread));
        Harness.measure(CLIENTS, harness.duration(), withdraw); // warm-up
        for (int threads : new int[] { 1, CLIENTS }) {
            harness.report("withdrawal: request + confirm (hold)", threads, Harness.measure(threads, harness.duration(), withdraw));
        }
        for (Client client : all) {
            Balance kzt = ledger.balances(client.id()).stream().filter(balance -> balance.asset().equals("KZT")).findFirst()
                    .orElseThrow();
            if (kzt.available().signum() < 0 || kzt.held().signum() < 0 || kzt.total().compareTo(FUNDS) > 0) {
                throw new IllegalStateException("the balance of " + client.id() + " does not add up: " + kzt);
            }
        }
        System.out.println("every client's balance adds up (nothing overdrawn, no negative hold)");
    }

    private void withdraw(Client client) throws Exception {
        HttpResponse<String> requested = harness.post("services/withdrawal/requests",
                "{\"amount\":\"1000.00\",\"currency\":\"KZT\",\"purpose\":\"Benchmark\"}", client.token());
        if (requested.statusCode() != 201) {
            throw new IllegalStateException("withdrawal request: " + requested.body());
        }
        JsonNode submission = Harness.JSON.readTree(requested.body());
        HttpResponse<String> confirmed = harness.post("instructions/" + submission.get("instruction").get("id").asText()
                + "/confirm", "{\"challengeId\":\"" + submission.get("confirmation").get("challengeId").asText()
                + "\",\"code\":\"" + harness.awaitCode(client.identity()) + "\"}", client.token());
        String status = Harness.JSON.readTree(confirmed.body()).path("status").asText();
        if (!"IN_WORK".equals(status)) {
            throw new IllegalStateException("withdrawal confirmation: " + confirmed.body());
        }
    }

    private Client newClient(String operator, int index) throws Exception {
        String login = "bench-w" + index + "-" + run.toLowerCase();
        String phone = "+77082" + String.format("%06d", Math.floorMod(run.hashCode() + index, 1_000_000));
        String eleven = String.format("8501013%04d", Math.floorMod(run.hashCode() + index, 10_000));
        String id = clients.create(new ClientData(ClientKind.INDIVIDUAL, eleven + checkDigit(eleven), "Benchmark Client " + index,
                phone, null, null, null, null, null, "Halyk Bank", "HSBKKZKX", "KZ86601A861000000001", null, "KZ", false, null),
                "bench").id();
        String identity = harness.newIdentity(operator, login, phone, id, PASSWORD);
        ledger.openAccount(id, AccountType.CLIENT, id, "Benchmark client " + index);
        ledger.post(new EntryRequest("bench-w-fund-" + id, "PAYMENT_IN", "Benchmark funding", "bench", "bench",
                List.of(Posting.of("EXT-BANK", "KZT", FUNDS.negate()), Posting.of(id, "KZT", FUNDS))));
        return new Client(id, identity, harness.securitySession(login, phone, PASSWORD));
    }

    /** The IIN's control digit (weights 1..11, then 3..11,1,2 when the first sum gives 10). */
    private static int checkDigit(String eleven) {
        int first = weighted(eleven, 1);
        return first != 10 ? first : weighted(eleven, 3);
    }

    private static int weighted(String digits, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * ((firstWeight - 1 + i) % 11 + 1);
        }
        return sum % 11;
    }
}
