package kz.qyzmet.service.operationsreport.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.ledger.api.Operation;
import kz.qyzmet.ledger.api.OperationKinds;

/**
 * The operations report as a CSV a client opens in Excel (issue #13): UTF-8 with
 * a byte order mark, columns separated by {@code ;}, amounts without digit
 * groups with the decimal separator of the document's language (comma for kk
 * and ru, point for en), times in Almaty time with seconds, a header row in the
 * document's language, and the opening and closing balance of every asset as
 * rows of their own, so the file reconciles by itself: per asset, opening +
 * every operation = closing. Fields are quoted as RFC 4180 says (with ; as the
 * separator).
 */
final class CsvReport {
    static final char SEPARATOR = ';';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The words of the file, per language. */
    record Words(List<String> header, String opening, String closing) {
        static Words of(Language language) {
            return switch (language) {
            case KK -> new Words(List.of("Уақыты (Алматы)", "Жазба", "Проводка", "Түрі", "Сипаттама", "Негіздеме",
                    "Кері қайтарады", "Шот бөлігі", "Актив", "Сомасы"), "Кезең басындағы қалдық", "Кезең соңындағы қалдық");
            case RU -> new Words(List.of("Время (Алматы)", "Запись", "Проводка", "Вид", "Описание", "Основание",
                    "Сторнирует", "Субсчёт", "Актив", "Сумма"), "Остаток на начало", "Остаток на конец");
            case EN -> new Words(List.of("Time (Almaty)", "Entry", "Posting", "Kind", "Description", "Reference",
                    "Reverses", "Sub-account", "Asset", "Amount"), "Opening balance", "Closing balance");
            };
        }
    }

    private CsvReport() {
    }

    /**
     * @param operations streams the period's operations into its consumer (and counts the totals)
     * @param closeBalances fills the closing balances once the operations have streamed
     */
    static void write(ReportWriter.Request request, ReportWriter.Reconciliation totals, Consumer<Consumer<Operation>> operations,
            Runnable closeBalances, ToIntFunction<String> scale, OutputStream out) throws IOException {
        Language language = request.language();
        Words words = Words.of(language);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\ufeff');
        line(writer, words.header());
        Instant from = request.period().from();
        for (String asset : totals.opening.keySet()) {
            line(writer, List.of(time(from), "", "", words.opening(), "", "", "", "", asset,
                    amount(totals.opening.get(asset), scale.applyAsInt(asset), language)));
        }
        try {
            operations.accept(operation -> {
                try {
                    line(writer, List.of(time(operation.postedAt()), String.valueOf(operation.entryId()),
                            String.valueOf(operation.postingId()), OperationKinds.label(operation.kind()).in(language),
                            nullToEmpty(operation.description()), nullToEmpty(operation.reference()),
                            operation.reverses() == null ? "" : String.valueOf(operation.reverses()),
                            OperationKinds.label(operation.subAccount()).in(language), operation.asset(),
                            amount(operation.amount(), scale.applyAsInt(operation.asset()), language)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        closeBalances.run();
        Instant lastInstant = request.period().to().minusSeconds(1);
        for (String asset : totals.assets()) {
            line(writer, List.of(time(lastInstant), "", "", words.closing(), "", "", "", "", asset,
                    amount(ReportWriter.Reconciliation.get(totals.closing, asset), scale.applyAsInt(asset), language)));
        }
        writer.flush();
    }

    private static String time(Instant at) {
        return TIME.format(at.atZone(Formats.BROKER_ZONE));
    }

    /** Plain digits (no groups, which Excel would read as text), the language's decimal separator. */
    static String amount(BigDecimal value, int scale, Language language) {
        String plain = value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
        return language == Language.EN ? plain : plain.replace('.', ',');
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void line(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(SEPARATOR);
            }
            writer.write(quoted(fields.get(i)));
        }
        writer.write("\r\n");
    }

    /** RFC 4180 with {@code ;}: quoted when it holds the separator, a quote or a line break; quotes doubled. */
    static String quoted(String value) {
        if (value.indexOf(SEPARATOR) >= 0 || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
