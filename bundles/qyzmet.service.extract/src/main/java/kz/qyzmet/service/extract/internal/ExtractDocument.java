package kz.qyzmet.service.extract.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import kz.qyzmet.clients.api.DocumentHolder;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.documents.api.Block;
import kz.qyzmet.documents.api.DocumentSpec;
import kz.qyzmet.documents.api.Figure;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.common.api.Language;

/**
 * The extract as a document: the balances the ledger holds for the account
 * (now, or recomputed from the postings as of the chosen time, §16.2), with the
 * holder as the client records name them, laid out by the documents core.
 */
final class ExtractDocument {
    static final String KIND = "account-extract";

    private final Ledger ledger;
    private final Supplier<Optional<ClientRecords>> clients;
    private final java.util.function.Function<String, Optional<Price>> prices;

    /** A security's last price, in its currency, and when the market gave it. */
    record Price(java.math.BigDecimal last, String currency, Instant at) {
    }

    ExtractDocument(Ledger ledger, Supplier<Optional<ClientRecords>> clients,
            java.util.function.Function<String, Optional<Price>> prices) {
        this.ledger = ledger;
        this.clients = clients;
        this.prices = prices;
    }

    /** The document and the key figures its verification lookup shows (issue #13): the moment and the balances. */
    record Extract(DocumentSpec spec, List<Figure> keyFigures) {
    }

    /** The extract of a confirmed request: the ledger's figures at the moment shown. */
    Extract of(Instruction instruction, ExtractService.Request request) {
        Account account = ledger.requireClientAccount(request.account(), instruction.clientId());
        Language language = Optional.ofNullable(Language.fromTag(request.language())).orElse(Language.RU);
        Instant asOf = request.asOf() == null ? null : Instant.parse(request.asOf());
        Instant shownAt = asOf == null ? instruction.confirmedAt() : asOf;
        List<Balance> balances = asOf == null ? ledger.balances(account.id()) : ledger.balancesAsOf(account.id(), asOf);
        // market values only for an extract of now: today's prices say nothing of a past moment
        return spec(instruction, account, balances, shownAt, language, asOf == null ? prices : isin -> Optional.empty());
    }

    Extract spec(Instruction instruction, Account account, List<Balance> balances, Instant shownAt, Language language) {
        return spec(instruction, account, balances, shownAt, language, isin -> Optional.empty());
    }

    Extract spec(Instruction instruction, Account account, List<Balance> balances, Instant shownAt, Language language,
            java.util.function.Function<String, Optional<Price>> priceOf) {
        Words words = Words.of(language);
        String holder = DocumentHolder.line(clients.get().flatMap(records -> records.find(instruction.clientId())),
                account.name(), language);
        List<List<String>> money = new ArrayList<>();
        List<List<String>> securities = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(words.asOf(), Formats.dateTime(shownAt) + " (" + words.almaty() + ")"));
        java.util.Map<String, java.math.BigDecimal> marketValues = new java.util.TreeMap<>();
        List<List<String>> valued = new ArrayList<>();
        Instant[] pricedAt = { null };
        balances.stream().sorted(Comparator.comparing(Balance::asset)).forEach(balance -> {
            Asset asset = ledger.asset(balance.asset()).orElse(new Asset(balance.asset(), AssetKind.CURRENCY, 2, balance.asset()));
            List<String> row = List.of(asset.code(), asset.nameIn(language),
                    Formats.amount(balance.available(), asset.scale(), language),
                    Formats.amount(balance.held(), asset.scale(), language),
                    Formats.amount(balance.blocked(), asset.scale(), language),
                    Formats.amount(balance.total(), asset.scale(), language));
            if (asset.kind() != AssetKind.CURRENCY) {
                priceOf.apply(asset.code()).ifPresent(price -> {
                    int scale = ledger.asset(price.currency()).map(Asset::scale).orElse(2);
                    java.math.BigDecimal value = price.last().multiply(balance.total()).setScale(scale,
                            java.math.RoundingMode.HALF_UP);
                    marketValues.merge(price.currency(), value, java.math.BigDecimal::add);
                    pricedAt[0] = price.at();
                    valued.add(List.of(asset.code(), Formats.amount(balance.total(), asset.scale(), language),
                            Formats.amount(price.last(), Math.max(scale, price.last().stripTrailingZeros().scale()), language)
                                    + " " + price.currency(), Formats.amount(value, scale, language) + " " + price.currency()));
                });
            }
            (asset.kind() == AssetKind.CURRENCY ? money : securities).add(row);
            figures.add(new Figure(asset.code() + " — " + words.available(), row.get(2)));
            figures.add(new Figure(asset.code() + " — " + words.total(), row.get(5)));
        });
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Fields(List.of(new Block.Field(DocumentHolder.LABEL.in(language), holder),
                new Block.Field(words.account(), account.id()),
                new Block.Field(words.opened(), Formats.dateTime(account.openedAt())),
                new Block.Field(words.asOf(), Formats.dateTime(shownAt) + " (" + words.almaty() + ")"),
                new Block.Field(words.instruction(), instruction.number()))));
        blocks.add(new Block.Heading(words.money()));
        blocks.add(money.isEmpty() ? new Block.Paragraph(words.none()) : Block.Table.of(columns(words, words.currency()), money, null));
        blocks.add(new Block.Heading(words.securities()));
        blocks.add(securities.isEmpty() ? new Block.Paragraph(words.none())
                : Block.Table.of(columns(words, "ISIN"), securities, List.of(words.positions(), String.valueOf(securities.size()),
                        "", "", "", "")));
        if (!marketValues.isEmpty()) {
            // issue #17: a table of its own, so that the positions' table keeps room for the ISIN and the name
            blocks.add(new Block.Heading(words.marketValue()));
            blocks.add(Block.Table.of(List.of(new Block.Column("ISIN", 2.2f, false), new Block.Column(words.total(), 2, true),
                    new Block.Column(words.lastPrice(), 2.4f, true), new Block.Column(words.marketValue(), 2.8f, true)), valued,
                    null));
            // issue #17: the positions at the market's last prices, per currency; not the broker's valuation
            StringBuilder line = new StringBuilder(words.valued());
            marketValues.forEach((currency, value) -> line.append(" ").append(Formats.amount(value,
                    ledger.asset(currency).map(Asset::scale).orElse(2), language)).append(" ").append(currency).append(";"));
            line.setLength(line.length() - 1);
            line.append(" (").append(words.pricesAt()).append(" ").append(Formats.dateTime(pricedAt[0])).append(").");
            blocks.add(new Block.Paragraph(line.toString()));
            marketValues.forEach((currency, value) -> figures.add(new Figure(words.marketValue() + ", " + currency,
                    Formats.amount(value, ledger.asset(currency).map(Asset::scale).orElse(2), language))));
        }
        blocks.add(new Block.Paragraph(words.basis()));
        return new Extract(new DocumentSpec(KIND, instruction.clientId(), language, words.title(), blocks, instruction.id()),
                figures);
    }

    private static List<Block.Column> columns(Words words, String code) {
        return List.of(new Block.Column(code, 2.2f, false), new Block.Column(words.name(), 4, false),
                new Block.Column(words.available(), 2.4f, true), new Block.Column(words.held(), 2, true),
                new Block.Column(words.blocked(), 2, true), new Block.Column(words.total(), 2.4f, true));
    }

    /** The words of the extract, per language. */
    record Words(String title, String account, String opened, String asOf, String almaty,
            String instruction, String money, String securities, String currency, String name, String available, String held,
            String blocked, String total, String positions, String none, String basis, String lastPrice, String marketValue,
            String valued, String pricesAt) {
        static Words of(Language language) {
            return switch (language) {
            case KK -> new Words("Жеке шот бойынша үзінді көшірме", "Жеке шот", "Шот ашылған",
                    "Жағдайы бойынша", "Алматы уақыты", "Клиент өтініші", "Ақша қаражаты", "Бағалы қағаздар", "Валюта",
                    "Атауы", "Қолжетімді", "Ұсталған", "Бұғатталған", "Барлығы", "Позициялар", "Жоқ.",
                    "Үзінді көшірме номиналды ұстау есебі жүйесінің деректері бойынша жасалды (Ережелердің 7.1-тармағы).",
                    "Соңғы баға", "Нарықтық құны", "Позициялардың соңғы бағалар бойынша нарықтық құны:", "баға уақыты");
            case RU -> new Words("Выписка по лицевому счёту", "Лицевой счёт", "Счёт открыт",
                    "По состоянию на", "время Алматы", "Поручение клиента", "Денежные средства", "Ценные бумаги", "Валюта",
                    "Наименование", "Доступно", "Удержано", "Заблокировано", "Всего", "Позиций", "Нет.",
                    "Выписка сформирована по данным системы учёта номинального держания (п. 7.1 Правил).",
                    "Последняя цена", "Рыночная стоимость", "Рыночная стоимость позиций по последним ценам:", "цены на");
            case EN -> new Words("Personal account extract", "Personal account", "Account opened",
                    "As of", "Almaty time", "Client instruction", "Money", "Securities", "Currency", "Name", "Available",
                    "Held", "Blocked", "Total", "Positions", "None.",
                    "Formed from the records of the nominee-holding accounting system (rules §7.1).",
                    "Last price", "Market value", "Market value of the positions at the last prices:", "prices of");
            };
        }
    }

}
