package kz.qyzmet.service.extract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.documents.api.Block;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.ledger.api.Account;
import kz.qyzmet.ledger.api.AccountType;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Ledger;

/** The extract values the positions at the market's last prices (issue #17), and says so; none without prices. */
class ExtractDocumentTest {
    private static final Map<String, Asset> ASSETS = Map.of(
            "KZT", new Asset("KZT", AssetKind.CURRENCY, 2, "Kazakhstani tenge"),
            "KZ000A0LE0S4", new Asset("KZ000A0LE0S4", AssetKind.SECURITY, 0, "Halyk Bank"));

    private final Ledger ledger = (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] { Ledger.class },
            (proxy, method, arguments) -> "asset".equals(method.getName()) ? Optional.ofNullable(ASSETS.get(arguments[0]))
                    : null);
    private final Instruction instruction = new Instruction("i1", "EX-1", "extract", "account-extract", "C1", "C1", Map.of(),
            kz.qyzmet.common.api.LocalizedText.of("x", "x", "x"), "", "", "C1", null, Instant.EPOCH,
            kz.qyzmet.instructions.api.InstructionStatus.EXECUTED, Instant.EPOCH, null, null, null, null, null, List.of(),
            Instant.EPOCH);
    private final Account account = new Account("C1", AccountType.CLIENT, "C1", "Client", Instant.EPOCH);
    private final List<Balance> balances = List.of(new Balance("C1", "KZT", new BigDecimal("1000.00"), BigDecimal.ZERO,
            BigDecimal.ZERO), new Balance("C1", "KZ000A0LE0S4", new BigDecimal("40"), new BigDecimal("10"), BigDecimal.ZERO));

    private static List<List<String>> rows(Block.Table table) {
        List<List<String>> rows = new ArrayList<>();
        table.rows().accept(rows::add);
        return rows;
    }

    @Test
    void positionsAreValuedAtTheLastPrice() {
        ExtractDocument document = new ExtractDocument(ledger, Optional::empty, isin -> Optional.empty());
        ExtractDocument.Extract extract = document.spec(instruction, account, balances, Instant.parse("2026-12-03T07:00:00Z"),
                Language.EN, isin -> Optional.of(new ExtractDocument.Price(new BigDecimal("251.5"), "KZT",
                        Instant.parse("2026-12-03T06:59:00Z"))));
        Block.Table securities = (Block.Table) extract.spec().blocks().get(4);
        assertEquals(List.of("KZ000A0LE0S4", "Halyk Bank", "40", "10", "0", "50"), rows(securities).get(0));
        Block.Table values = (Block.Table) extract.spec().blocks().get(6);
        assertEquals(List.of("KZ000A0LE0S4", "50", "251.50 KZT", "12,575.00 KZT"), rows(values).get(0));
        Block.Paragraph valued = (Block.Paragraph) extract.spec().blocks().get(7);
        assertTrue(valued.text().startsWith("Market value of the positions at the last prices: 12,575.00 KZT"), valued.text());
        assertTrue(extract.keyFigures().stream().anyMatch(figure -> figure.toString().contains("12,575.00")));
    }

    @Test
    void withoutPricesThereIsNoValue() {
        ExtractDocument document = new ExtractDocument(ledger, Optional::empty, isin -> Optional.empty());
        ExtractDocument.Extract extract = document.spec(instruction, account, balances, Instant.parse("2026-12-03T07:00:00Z"),
                Language.EN);
        assertEquals(6, extract.spec().blocks().size(), "no valuation without prices: " + extract.spec().blocks());
        assertTrue(extract.spec().blocks().get(5) instanceof Block.Paragraph paragraph
                && !paragraph.text().startsWith("Market value"));
    }
}
