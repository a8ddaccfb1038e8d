package kz.qyzmet.trading.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.trading.api.Instrument;
import kz.qyzmet.trading.api.Instruments;
import kz.qyzmet.trading.internal.Rows.InstrumentRow;

/**
 * The instruments the broker trades, versioned (issue #17): a load adds a
 * version only for what changed, each with its journal record, all or none. A
 * new instrument's security is defined on the ledger in the same transaction,
 * so positions can be held in it at once.
 */
@Component(service = { Instruments.class, InstrumentStore.class })
public class InstrumentStore implements Instruments {
    private final Database database;
    private final Ledger ledger;
    private final AuditJournal audit;
    private final Clock clock;

    @Activate
    public InstrumentStore(@Reference Persistence persistence, @Reference Ledger ledger, @Reference AuditJournal audit,
            @Reference Clock clock, BundleContext context) {
        this.database = persistence.open(context.getBundle(), "trading", TradingMapper.class);
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    Database database() {
        return database;
    }

    @Override
    public List<Instrument> load(List<Instrument> definitions, String actor) {
        if (definitions == null || definitions.isEmpty()) {
            throw Requests.invalid("instruments", LocalizedText.of("Құралдар тізімі бос.", "Список инструментов пуст.",
                    "The list of instruments is empty."));
        }
        List<Instrument> checked = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            checked.add(checked(definitions.get(i), "instruments[" + i + "]"));
        }
        return database.inTransaction(session -> {
            TradingMapper mapper = session.getMapper(TradingMapper.class);
            List<Instrument> current = new ArrayList<>();
            for (Instrument definition : checked) {
                Integer latest = mapper.lockLatestVersion(definition.isin());
                if (latest != null) {
                    Instrument existing = instrument(mapper.instrumentVersion(definition.isin(), latest));
                    if (existing.sameDefinition(definition)) {
                        current.add(existing);
                        continue;
                    }
                }
                int version = latest == null ? 1 : latest + 1;
                ledger.asset(definition.isin()).ifPresentOrElse(asset -> {
                    if (asset.kind() != AssetKind.SECURITY) {
                        throw Requests.invalid("isin", LocalizedText.of("{isin} бағалы қағаз емес.",
                                "{isin} — не ценная бумага.", "{isin} is not a security.").format(Map.of("isin",
                                        definition.isin())));
                    }
                }, () -> ledger.defineAsset(new Asset(definition.isin(), AssetKind.SECURITY, 0, definition.name())));
                InstrumentRow row = row(definition, version, actor);
                mapper.insertInstrument(row);
                audit.record(AuditEvent.builder("trading.instrument.loaded", "instrument:" + definition.isin())
                        .actor(actor, "operator").detail("version", version).detail("ticker", definition.ticker())
                        .detail("lotSize", definition.lotSize()).detail("tickSize", definition.tickSize().toPlainString())
                        .detail("currency", definition.currency()).detail("hours", definition.opens() + "-" + definition.closes())
                        .build());
                current.add(instrument(row));
            }
            return current;
        });
    }

    /** A definition as stored: upper-case codes, sound sizes and hours; a 400 naming the field otherwise. */
    static Instrument checked(Instrument definition, String field) {
        if (definition == null) {
            throw Requests.invalid(field, LocalizedText.of("Құрал анықтамасы жоқ.", "Нет определения инструмента.",
                    "The instrument's definition is missing."));
        }
        String isin = definition.isin().strip().toUpperCase(Locale.ROOT);
        if (!isin.matches("[A-Z]{2}[A-Z0-9]{9}[0-9]")) {
            throw Requests.invalid(field + ".isin", LocalizedText.of("{isin} ISIN емес.", "{isin} — не ISIN.",
                    "{isin} is not an ISIN.").format(Map.of("isin", isin)));
        }
        String ticker = definition.ticker().strip().toUpperCase(Locale.ROOT);
        if (!ticker.matches("[A-Z0-9.\\-]{1,20}")) {
            throw Requests.invalid(field + ".ticker", LocalizedText.of("Тикер 1–20 әріп пен цифрдан тұрады.",
                    "Тикер — от 1 до 20 латинских букв и цифр.", "A ticker is 1 to 20 letters and digits."));
        }
        String currency = definition.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw Requests.invalid(field + ".currency", LocalizedText.of("Валюта ISO 4217 кодымен беріледі.",
                    "Валюта задаётся кодом ISO 4217.", "The currency is an ISO 4217 code."));
        }
        if (definition.lotSize() <= 0) {
            throw Requests.invalid(field + ".lotSize", LocalizedText.of("Лот мөлшері оң болуы керек.",
                    "Размер лота должен быть положительным.", "The lot size must be positive."));
        }
        if (definition.tickSize().signum() <= 0 || definition.tickSize().stripTrailingZeros().scale() > 8) {
            throw Requests.invalid(field + ".tickSize", LocalizedText.of("Баға қадамы оң, үтірден кейін 8 таңбаға дейін.",
                    "Шаг цены положительный, до 8 знаков после запятой.", "The tick size is positive, up to 8 decimals."));
        }
        if (definition.closes().isBefore(definition.opens())) {
            throw Requests.invalid(field + ".closes", LocalizedText.of("Сауда ашылғаннан кейін жабылады.",
                    "Торги закрываются после открытия.", "Trading closes after it opens."));
        }
        String name = definition.name() == null || definition.name().isBlank() ? ticker : definition.name().strip();
        String market = definition.market() == null || definition.market().isBlank() ? "SIM" : definition.market().strip();
        return new Instrument(isin, ticker, market.length() > 40 ? market.substring(0, 40) : market,
                name.length() > 200 ? name.substring(0, 200) : name, currency, definition.lotSize(),
                definition.tickSize().stripTrailingZeros(), definition.opens(), definition.closes(), 0);
    }

    @Override
    public Optional<Instrument> find(String isinOrTicker) {
        if (isinOrTicker == null || isinOrTicker.isBlank()) {
            return Optional.empty();
        }
        String key = isinOrTicker.strip().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(database.read(session -> {
            TradingMapper mapper = session.getMapper(TradingMapper.class);
            InstrumentRow row = mapper.currentInstrument(key);
            if (row == null) {
                String isin = mapper.isinOfTicker(key);
                row = isin == null ? null : mapper.currentInstrument(isin);
            }
            return row;
        })).map(InstrumentStore::instrument);
    }

    @Override
    public Optional<Instrument> version(String isin, int version) {
        return Optional.ofNullable(database.read(session -> session.getMapper(TradingMapper.class)
                .instrumentVersion(isin, version))).map(InstrumentStore::instrument);
    }

    @Override
    public List<Instrument> all() {
        return database.read(session -> session.getMapper(TradingMapper.class).currentInstruments()).stream()
                .map(InstrumentStore::instrument).toList();
    }

    private InstrumentRow row(Instrument definition, int version, String actor) {
        InstrumentRow row = new InstrumentRow();
        row.isin = definition.isin();
        row.version = version;
        row.ticker = definition.ticker();
        row.market = definition.market();
        row.name = definition.name();
        row.currency = definition.currency();
        row.lotSize = definition.lotSize();
        row.tickSize = definition.tickSize();
        row.opens = definition.opens();
        row.closes = definition.closes();
        row.loadedAt = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        row.loadedBy = actor == null ? "system" : actor;
        return row;
    }

    static Instrument instrument(InstrumentRow row) {
        return new Instrument(row.isin, row.ticker, row.market, row.name, row.currency, row.lotSize,
                row.tickSize.stripTrailingZeros(), row.opens, row.closes, row.version);
    }

    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
