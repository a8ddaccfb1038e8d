package kz.qyzmet.exchange.simulated.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.exchange.simulated.api.SimulatedMarket;
import kz.qyzmet.trading.api.ExchangeGateway;
import kz.qyzmet.trading.api.ExecutionReport;
import kz.qyzmet.trading.api.MarketData;
import kz.qyzmet.trading.api.OrderType;
import kz.qyzmet.trading.api.Quote;
import kz.qyzmet.trading.api.Side;
import kz.qyzmet.trading.api.TimeInForce;

/**
 * The simulated exchange itself, without the OSGi wiring (issue #17): the books,
 * one exchange thread that matches everything in arrival order, the broker's
 * in-process execution reports delivered in order (a report the platform could
 * not take is offered again until it is, never skipped), market data, other
 * participants, the market maker, the FIX acceptor and the day's close. Inside
 * the platform {@link SimulatedExchange} offers it as services; {@link Standalone}
 * runs it as a process of its own.
 */
public final class ExchangeCore implements ExchangeGateway, MarketData, SimulatedMarket {
    static final String NAME = "simulated";
    /** The owner of the broker's orders in the books. */
    static final String BROKER = "broker";
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeCore.class);

    private final MatchingEngine engine = new MatchingEngine("SIM-");
    private final java.util.function.Consumer<ExecutionReport> reports;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread exchange = new Thread(runnable, "simulated-exchange");
        exchange.setDaemon(true);
        return exchange;
    });
    /** The broker's reports not yet taken by the platform, oldest first; touched on the exchange thread only. */
    private final Deque<ExecutionReport> undelivered = new ArrayDeque<>();
    /** Client order ids seen: a request sent again (after a restart of the sender) is not executed twice. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong executionIds = new AtomicLong();
    private final AtomicLong participantIds = new AtomicLong();
    private final MarketMaker marketMaker;
    private final String session = Long.toString(System.currentTimeMillis(), 36);
    private final FixAcceptor fix;

    /**
     * @param reports the in-process broker's reports; throwing refuses one for now (it is offered again)
     * @param dataDir where the FIX acceptor keeps its store; null: no acceptor
     */
    ExchangeCore(java.util.function.Consumer<ExecutionReport> reports, Clock clock, SimulatedExchangeConfiguration configuration,
            java.nio.file.Path dataDir) {
        this.reports = reports;
        this.clock = clock;
        this.marketMaker = configuration.liquidity() ? new MarketMaker(this, configuration) : null;
        Arrays.stream(configuration.reference_prices()).filter(line -> line != null && line.contains("="))
                .forEach(line -> {
                    String[] parts = line.split("=", 2);
                    engine.book(parts[0].strip()).reference(new BigDecimal(parts[1].strip()));
                });
        this.fix = dataDir != null && configuration.fix_port() > 0 ? fixAcceptor(configuration, dataDir) : null;
        if (marketMaker != null) {
            thread.execute(marketMaker::quoteAll);
        }
        // day orders expire at the close, by the clock, looked at every minute
        TradingDay day = new TradingDay(java.time.LocalTime.parse(configuration.close_at().strip()), clock.instant());
        thread.scheduleAtFixedRate(() -> {
            if (day.closes(clock.instant())) {
                publish(engine.closeDay(), null);
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    private FixAcceptor fixAcceptor(SimulatedExchangeConfiguration configuration, java.nio.file.Path dataDir) {
        try {
            return new FixAcceptor(this, configuration, dataDir);
        } catch (quickfix.ConfigError | java.io.IOException e) {
            throw new IllegalStateException("the simulated exchange's FIX acceptor cannot start: " + e.getMessage(), e);
        }
    }

    /** A request that came over FIX, matched on the exchange thread in arrival order; one id is executed once. */
    void fromFix(String clientOrderId, java.util.function.Supplier<List<BookEvent>> work) {
        if (!seen.add(clientOrderId)) {
            return;
        }
        thread.execute(() -> publish(work.get(), FixAcceptor.OWNER));
    }

    void stop() {
        if (fix != null) {
            fix.stop();
        }
        thread.shutdownNow();
    }

    @Override
    public boolean connected() {
        return !thread.isShutdown();
    }

    @Override
    public void send(NewOrder order) {
        if (!seen.add(order.clientOrderId())) {
            return;
        }
        thread.execute(() -> publish(engine.submit(order.isin(), order.clientOrderId(), BROKER, order.side(), order.type(),
                order.timeInForce(), order.quantity(), order.limitPrice(), order.stopPrice()), BROKER));
    }

    @Override
    public void cancel(CancelOrder cancel) {
        if (!seen.add(cancel.clientOrderId())) {
            return;
        }
        thread.execute(() -> publish(engine.cancel(cancel.isin(), cancel.clientOrderId(), cancel.originalClientOrderId()), BROKER));
    }

    @Override
    public void replace(ReplaceOrder replace) {
        if (!seen.add(replace.clientOrderId())) {
            return;
        }
        thread.execute(() -> publish(engine.replace(replace.isin(), replace.clientOrderId(),
                replace.originalClientOrderId(), replace.quantity(), replace.limitPrice(), replace.stopPrice()), BROKER));
    }

    @Override
    public Optional<Quote> quote(String isin) {
        return engine.existing(isin).map(book -> {
            synchronized (book) {
                return new Quote(isin, book.last() != null ? book.last() : book.reference(), book.bestBid(), book.bestAsk(),
                        book.reference(), clock.instant());
            }
        });
    }

    @Override
    public void reference(String isin, BigDecimal price) {
        thread.execute(() -> {
            OrderBook book = engine.book(isin);
            synchronized (book) {
                book.reference(price);
            }
            if (marketMaker != null) {
                marketMaker.quote(isin, price);
            }
        });
    }

    @Override
    public String submit(String participant, String isin, Side side, OrderType type, TimeInForce timeInForce, long quantity,
            BigDecimal limitPrice, BigDecimal stopPrice) {
        String id = participant + "-" + participantIds.incrementAndGet();
        thread.execute(() -> publish(engine.submit(isin, id, participant, side, type, timeInForce, quantity, limitPrice,
                stopPrice), participant));
        return id;
    }

    @Override
    public void cancel(String isin, String orderId) {
        thread.execute(() -> publish(engine.cancel(isin, orderId + "-cancel", orderId), orderId.substring(0,
                Math.max(0, orderId.lastIndexOf('-')))));
    }

    @Override
    public void closeDay() {
        thread.execute(() -> publish(engine.closeDay(), null));
    }

    @Override
    public List<Level> depth(String isin, Side side, int levels) {
        OrderBook book = engine.book(isin);
        synchronized (book) {
            return book.depth(side, levels).stream().map(level -> new Level(level.getKey(), level.getValue())).toList();
        }
    }

    @Override
    public void drain() {
        try {
            while (true) {
                boolean empty = thread.submit(undelivered::isEmpty).get(10, TimeUnit.SECONDS);
                if (empty) {
                    return;
                }
                thread.schedule(() -> null, 50, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the simulated exchange did not drain", e);
        }
    }

    /**
     * On the exchange thread: the broker's events become reports, the market maker
     * hears its own. A refusal to cancel an order no longer in the book names no
     * owner: it goes to whoever asked.
     */
    void publish(List<BookEvent> events, String requester) {
        for (BookEvent event : events) {
            String owner = event.owner() != null ? event.owner() : requester;
            if (BROKER.equals(owner)) {
                undelivered.addLast(report(event));
            } else if (FixAcceptor.OWNER.equals(owner) && fix != null) {
                fix.answer(event, "SIMF-" + session + "-" + executionIds.incrementAndGet());
            } else if (marketMaker != null && MarketMaker.OWNER.equals(owner)) {
                marketMaker.heard(event);
            }
        }
        deliver();
    }

    private void deliver() {
        while (!undelivered.isEmpty()) {
            try {
                reports.accept(undelivered.peekFirst());
                undelivered.pollFirst();
            } catch (RuntimeException notTaken) {
                LOG.warn("the platform did not take execution report {} ({}); offering it again in 1 s",
                        undelivered.peekFirst().executionId(), notTaken.toString());
                thread.schedule(this::deliver, 1, TimeUnit.SECONDS);
                return;
            }
        }
    }

    private ExecutionReport report(BookEvent event) {
        ExecutionReport.Type type = switch (event.kind()) {
        case ACCEPTED -> ExecutionReport.Type.NEW;
        case TRADE -> ExecutionReport.Type.TRADE;
        case CANCELLED -> ExecutionReport.Type.CANCELED;
        case REPLACED -> ExecutionReport.Type.REPLACED;
        case REJECTED -> ExecutionReport.Type.REJECTED;
        case EXPIRED -> ExecutionReport.Type.EXPIRED;
        case CANCEL_REJECTED -> ExecutionReport.Type.CANCEL_REJECTED;
        case REPLACE_REJECTED -> ExecutionReport.Type.REPLACE_REJECTED;
        };
        return new ExecutionReport("SIMX-" + session + "-" + executionIds.incrementAndGet(), event.clientOrderId(),
                event.originalClientOrderId(), event.exchangeOrderId(), type, event.lastQuantity(), event.lastPrice(),
                event.cumulative(), event.leaves(), event.text(), clock.instant());
    }

    MatchingEngine engine() {
        return engine;
    }

    /** Books with a reference price, for the market maker to quote. */
    Map<String, BigDecimal> referencedBooks() {
        Map<String, BigDecimal> referenced = new java.util.TreeMap<>();
        for (OrderBook book : engine.books()) {
            synchronized (book) {
                if (book.reference() != null) {
                    referenced.put(book.isin(), book.reference());
                }
            }
        }
        return referenced;
    }

    /** A price {@code basisPoints} away from {@code price}, on a cent. */
    static BigDecimal away(BigDecimal price, int basisPoints) {
        return price.multiply(BigDecimal.valueOf(10_000L + basisPoints)).movePointLeft(4).setScale(2, RoundingMode.HALF_UP);
    }
}
