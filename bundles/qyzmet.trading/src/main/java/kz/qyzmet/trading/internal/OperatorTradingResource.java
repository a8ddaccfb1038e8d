package kz.qyzmet.trading.internal;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.trading.api.Instrument;
import kz.qyzmet.trading.api.Instruments;

/**
 * {@code /api/v1/operator/trading/instruments}: operators load the instruments
 * the broker trades (issue #17), as JSON; a changed definition becomes a new
 * version, journalled, all or none.
 */
@Component(service = OperatorTradingResource.class)
@ApiResource
@Path("operator/trading")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorTradingResource {
    private final Instruments instruments;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorTradingResource(@Reference Instruments instruments) {
        this.instruments = instruments;
    }

    /**
     * One instrument as operators send it; hours are {@code HH:MM} Almaty time (equal
     * hours: round the clock).
     */
    public record Definition(String isin, String ticker, String market, String name, String currency, Integer lotSize,
            BigDecimal tickSize, String opens, String closes) {
    }

    public record Load(List<Definition> instruments) {
    }

    public record Loaded(List<TradingResource.InstrumentView> instruments) {
        static Loaded of(List<Instrument> instruments) {
            return new Loaded(instruments.stream().map(instrument -> TradingResource.InstrumentView.of(instrument,
                    java.util.Optional.empty())).toList());
        }
    }

    @GET
    @Path("instruments")
    public Loaded list() {
        return Loaded.of(instruments.all());
    }

    @POST
    @Path("instruments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Loaded load(Load load) {
        Caller caller = Caller.from(request::getAttribute);
        if (load == null || load.instruments() == null) {
            throw Requests.invalid("instruments", LocalizedText.of("Құралдар тізімі қажет.", "Нужен список инструментов.",
                    "A list of instruments is needed."));
        }
        List<Instrument> definitions = new ArrayList<>();
        for (int i = 0; i < load.instruments().size(); i++) {
            Definition definition = load.instruments().get(i);
            String field = "instruments[" + i + "]";
            if (definition == null) {
                throw Requests.invalid(field, LocalizedText.of("Анықтама бос.", "Пустое определение.", "An empty definition."));
            }
            definitions.add(new Instrument(Requests.required(definition.isin(), field + ".isin"),
                    Requests.required(definition.ticker(), field + ".ticker"), definition.market(), definition.name(),
                    Requests.required(definition.currency(), field + ".currency"),
                    Requests.required(definition.lotSize(), field + ".lotSize"),
                    Requests.required(definition.tickSize(), field + ".tickSize"), time(definition.opens(), field + ".opens"),
                    time(definition.closes(), field + ".closes"), 0));
        }
        return Loaded.of(instruments.load(definitions, caller.identity()));
    }

    private static LocalTime time(String value, String field) {
        try {
            return LocalTime.parse(Requests.required(value, field).strip());
        } catch (DateTimeParseException e) {
            throw Requests.invalid(field, LocalizedText.of("Уақыт СС:ММ түрінде беріледі.", "Время задаётся как ЧЧ:ММ.",
                    "A time is given as HH:MM."));
        }
    }
}
