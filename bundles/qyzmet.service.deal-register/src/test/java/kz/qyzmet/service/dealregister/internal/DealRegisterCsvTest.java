package kz.qyzmet.service.dealregister.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import kz.qyzmet.trading.api.Deal;
import kz.qyzmet.trading.api.Side;

/** The register of deals as CSV (rules §7.3): one line per deal, plain decimals, RFC 4180 quoting. */
class DealRegisterCsvTest {

    @Test
    void everyDealIsOneLineWithPlainDecimals() throws Exception {
        Deal deal = new Deal("d1", "o1", "SIMF-1", "C1", "C1", "KZ000A0LE0S4", Side.BUY, 30, new BigDecimal("250.05"),
                new BigDecimal("7501.50"), new BigDecimal("100.00"), "KZT", Instant.parse("2026-12-02T07:00:00Z"),
                LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 4), 42);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DealRegisterService.csv(List.of(deal), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals(2, lines.length);
        assertEquals("2026-12-02T07:00:00Z,d1,o1,SIMF-1,BUY,KZ000A0LE0S4,30,250.05,7501.50,100.00,KZT,2026-12-02,2026-12-04,42",
                lines[1]);
    }

    @Test
    void fieldsWithCommasOrQuotesAreQuoted() {
        assertEquals("\"a,b\"", DealRegisterService.quoted("a,b"));
        assertEquals("\"say \"\"x\"\"\"", DealRegisterService.quoted("say \"x\""));
        assertEquals("plain", DealRegisterService.quoted("plain"));
    }
}
