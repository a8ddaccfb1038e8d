package kz.qyzmet.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.auth.api.DemoIdentities;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.EntryRequest;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.ledger.api.Posting;
import kz.qyzmet.persistence.api.Transactions;

/**
 * Demo accounts (rules §4: a demo version with a training mode): a sign-up is
 * the identity, its personal account and its virtual money from the demo's own
 * outside account {@value #VIRTUAL}, in one transaction with its journal record;
 * a reset brings the account back to that money and no securities, by one
 * entry (the ledger never forgets what was done before). Only in dev and demo
 * mode, where the auth core offers {@link DemoIdentities}.
 */
@Component(service = DemoAccounts.class, configurationPid = DemoAccounts.PID)
@Designate(ocd = DemoConfiguration.class)
public class DemoAccounts {
    static final String PID = "kz.qyzmet.demo";
    static final String VIRTUAL = "EXT-DEMO";
    static final String KIND = "DEMO_MONEY";

    /** Offered by the auth core in dev and demo mode only; without it nobody signs up. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile DemoIdentities identities;
    private final Ledger ledger;
    private final AuditJournal audit;
    private final Transactions transactions;
    private final Clock clock;
    private final Map<String, BigDecimal> virtualMoney;
    private final int perHour;
    private final boolean demo;
    private final Map<String, Deque<Instant>> signUps = new ConcurrentHashMap<>();

    @Activate
    public DemoAccounts(@Reference Ledger ledger, @Reference AuditJournal audit,
            @Reference Transactions transactions, @Reference Clock clock, DemoConfiguration configuration,
            BundleContext context) {
        this.ledger = ledger;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.virtualMoney = kz.qyzmet.common.api.PerCode.amounts(configuration.virtual_money());
        this.perHour = Math.max(1, configuration.signups_per_hour());
        String mode = context.getProperty("qyzmet.mode");
        this.demo = "dev".equals(mode) || "demo".equals(mode);
        if (demo) {
            ledger.openAccount(VIRTUAL, AccountType.EXTERNAL, null, "Demo version: virtual money and securities");
        }
    }

    /** Dev or demo mode: the only modes with a demo version (never production). */
    boolean demo() {
        return demo;
    }

    Map<String, BigDecimal> virtualMoney() {
        return virtualMoney;
    }

    /** Signs a newcomer up: identity, account, virtual money, record — all or none. */
    String signUp(DemoIdentities.SignUp signUp, Caller caller) {
        DemoIdentities signUps = identities;
        if (!demo || signUps == null) {
            throw new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Тек демо нұсқада.",
                    "Только в демо-версии.", "The demo version only."));
        }
        limit(caller.address());
        return transactions.inTransaction(() -> {
            String clientId = signUps.signUp(signUp, caller);
            ledger.openAccount(clientId, AccountType.CLIENT, clientId, "Demo: " + (signUp.displayName() == null
                    || signUp.displayName().isBlank() ? signUp.login() : signUp.displayName().strip()));
            List<Posting> postings = new ArrayList<>();
            virtualMoney.forEach((currency, amount) -> {
                postings.add(Posting.of(VIRTUAL, currency, amount.negate()));
                postings.add(Posting.of(clientId, currency, amount));
            });
            ledger.post(new EntryRequest("demo-money:" + clientId, KIND, "Demo version: virtual money", clientId,
                    caller.identity(), postings));
            audit.record(AuditEvent.builder("demo.signed-up", "client:" + clientId).by(caller).detail("login", signUp.login())
                    .detail("money", virtualMoney.toString()).build());
            return clientId;
        });
    }

    /**
     * Back to the start: the virtual money again and no securities, by one entry
     * against {@value #VIRTUAL}. Refused while anything is held or blocked (an order
     * working, an instruction under way): those finish or are cancelled first.
     */
    Map<String, BigDecimal> reset(String clientId, Caller caller) {
        return transactions.inTransaction(() -> {
            List<Balance> balances = ledger.balances(clientId);
            for (Balance balance : balances) {
                if (balance.held().signum() != 0 || balance.blocked().signum() != 0) {
                    throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of(
                            "{asset} бөлігі резервте немесе бұғатталған: алдымен өтінімдерді жойыңыз немесе аяқталуын күтіңіз.",
                            "Часть {asset} в резерве или заблокирована: сначала снимите заявки или дождитесь их исполнения.",
                            "Some {asset} is held or blocked: cancel your orders or wait until they finish first.")
                            .format(Map.of("asset", balance.asset())), Map.of("reason", "HELD"), Map.of());
                }
            }
            List<Posting> postings = new ArrayList<>();
            Map<String, BigDecimal> wanted = new LinkedHashMap<>(virtualMoney);
            for (Balance balance : balances) {
                BigDecimal target = wanted.getOrDefault(balance.asset(), BigDecimal.ZERO);
                BigDecimal change = target.subtract(balance.available());
                wanted.remove(balance.asset());
                if (change.signum() != 0) {
                    postings.add(Posting.of(clientId, balance.asset(), change));
                    postings.add(Posting.of(VIRTUAL, balance.asset(), change.negate()));
                }
            }
            wanted.forEach((currency, amount) -> {
                postings.add(Posting.of(clientId, currency, amount));
                postings.add(Posting.of(VIRTUAL, currency, amount.negate()));
            });
            if (!postings.isEmpty()) {
                ledger.post(new EntryRequest("demo-reset:" + clientId + ":" + clock.instant().toEpochMilli(), "DEMO_RESET",
                        "Demo version: back to the start", clientId, caller.identity(), postings));
            }
            audit.record(AuditEvent.builder("demo.reset", "client:" + clientId).by(caller).detail("postings", postings.size())
                    .build());
            Map<String, BigDecimal> after = new LinkedHashMap<>();
            ledger.balances(clientId).forEach(balance -> after.put(balance.asset(), balance.available()));
            return after;
        });
    }

    /** At most {@code perHour} sign-ups per address an hour: a demo open to anyone is not a way to flood the store. */
    private void limit(String address) {
        Instant now = clock.instant();
        Deque<Instant> recent = signUps.computeIfAbsent(address == null ? "" : address, key -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
                recent.pollFirst();
            }
            if (recent.size() >= perHour) {
                throw new ProblemException(429, CommonProblems.TOO_MANY_REQUESTS, LocalizedText.of(
                        "Бұл мекенжайдан бір сағатта {limit} тіркелуден артық болмайды: кейінірек қайталаңыз.",
                        "С этого адреса не больше {limit} регистраций в час: повторите позже.",
                        "No more than {limit} sign-ups an hour from this address: try again later.")
                        .format(Map.of("limit", perHour)), Map.of("reason", "SIGNUP_LIMIT"),
                        Map.of("Retry-After", String.valueOf(Duration.between(now, recent.peekFirst().plus(Duration.ofHours(1)))
                                .toSeconds() + 1)));
            }
            recent.addLast(now);
        }
    }

}
