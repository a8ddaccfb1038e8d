package kz.qyzmet.trading.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.trading.api.Deal;
import kz.qyzmet.trading.api.Instrument;
import kz.qyzmet.trading.api.Instruments;
import kz.qyzmet.trading.api.MarketData;
import kz.qyzmet.trading.api.Order;
import kz.qyzmet.trading.api.Quote;
import kz.qyzmet.trading.api.Trading;

/**
 * {@code /api/v1/trading}: what a client reads about trading (issue #17): the
 * instruments with their prices now, the client's own orders with their deals,
 * and the register of deals of a period (rules §7.3). Orders are placed,
 * changed and cancelled through the orders service, with a code each (§25.2).
 */
@Component(service = TradingResource.class)
@ApiResource
@Path("trading")
@Produces(MediaType.APPLICATION_JSON)
public class TradingResource {
    private final Trading trading;
    private final Instruments instruments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MarketData marketData;

    @Context
    HttpServletRequest request;

    @Activate
    public TradingResource(@Reference Trading trading, @Reference Instruments instruments) {
        this.trading = trading;
        this.instruments = instruments;
    }

    /** An instrument with its prices; prices are null without market data. */
    public record InstrumentView(String isin, String ticker, String name, String market, String currency, int lotSize,
            BigDecimal tickSize, String opens, String closes, int version, BigDecimal last, BigDecimal bid, BigDecimal ask,
            BigDecimal changePercent) {
        static InstrumentView of(Instrument instrument, Optional<Quote> quote) {
            return new InstrumentView(instrument.isin(), instrument.ticker(), instrument.name(), instrument.market(),
                    instrument.currency(), instrument.lotSize(), instrument.tickSize(), instrument.opens().toString(),
                    instrument.closes().toString(), instrument.version(), quote.map(Quote::last).orElse(null),
                    quote.map(Quote::bid).orElse(null), quote.map(Quote::ask).orElse(null),
                    quote.map(Quote::changePercent).orElse(null));
        }
    }

    public record Instruments_(List<InstrumentView> instruments) {
    }

    public record Orders(List<Order> orders) {
    }

    public record OrderWithDeals(Order order, List<Deal> deals) {
    }

    public record Deals(Instant from, Instant to, List<Deal> deals) {
    }

    @GET
    @Path("instruments")
    public Instruments_ instruments() {
        Session.requireClient(request::getAttribute);
        MarketData data = marketData;
        return new Instruments_(instruments.all().stream().map(instrument -> InstrumentView.of(instrument,
                data == null ? Optional.empty() : data.quote(instrument.isin()))).toList());
    }

    @GET
    @Path("orders")
    public Orders orders(@QueryParam("limit") Integer limit) {
        Session session = Session.requireClient(request::getAttribute);
        return new Orders(trading.orders(session.clientId(), limit == null ? 100 : limit));
    }

    @GET
    @Path("orders/{id}")
    public OrderWithDeals order(@PathParam("id") String id) {
        Session session = Session.requireClient(request::getAttribute);
        Order order = trading.order(session.clientId(), id).orElseThrow(() -> new ProblemException(404,
                CommonProblems.NOT_FOUND, LocalizedText.of("{order} өтінімі табылмады.", "Заявка {order} не найдена.",
                        "Order {order} not found.").format(Map.of("order", String.valueOf(id)))));
        return new OrderWithDeals(order, trading.dealsOf(order.id()));
    }

    /** The register of deals (§7.3) of [{@code from}, {@code to}); the last 30 days by default. */
    @GET
    @Path("deals")
    public Deals deals(@QueryParam("from") String from, @QueryParam("to") String to) {
        Session session = Session.requireClient(request::getAttribute);
        Instant end = to == null || to.isBlank() ? Instant.now().plus(1, ChronoUnit.DAYS) : Requests.instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(31, ChronoUnit.DAYS) : Requests.instant("from", from);
        if (!start.isBefore(end)) {
            throw Requests.invalid("from", LocalizedText.of("Кезеңнің басы соңынан бұрын болуы керек.",
                    "Начало периода должно быть раньше конца.", "The period must start before it ends."));
        }
        return new Deals(start, end, trading.deals(session.clientId(), start, end));
    }
}
