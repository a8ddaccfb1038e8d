package kz.qyzmet.service.sourceoffunds.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;

/** How the records look through the API, to their client and to staff. */
final class SourceOfFundsViews {
    private SourceOfFundsViews() {
    }

    /** One evidence file; {@code download} is where its reader fetches it. */
    public record EvidenceView(String id, String fileName, String mediaType, long size, String sha256, Instant uploadedAt,
            String download) {
    }

    /** Staff's decision on a statement. */
    public record DecisionView(String outcome, String reason, String decidedBy, Instant decidedAt, Instant validUntil) {
    }

    /** One statement with its files and, once taken, its decision (null while staff have it). */
    public record StatementView(String instructionId, String number, String clientId, String kind, String kindName, String amount,
            String currency, String description, Instant submittedAt, List<EvidenceView> evidence, DecisionView decision) {
    }

    /** A client's history of source-of-funds confirmations, newest first. */
    public record History(String clientId, List<StatementView> statements) {
    }

    static EvidenceView evidence(EvidenceRow row, String downloadBase) {
        return new EvidenceView(row.id, row.fileName, row.mediaType, row.size, row.sha256, instant(row.uploadedAt),
                downloadBase + row.id);
    }

    static StatementView statement(StatementRow row, List<EvidenceRow> files, String downloadBase, Language language) {
        LocalizedText kind = SourceOfFundsService.KINDS.get(row.kind);
        DecisionView decision = row.outcome == null ? null : new DecisionView(row.outcome, row.reasonEn == null ? null
                : new LocalizedText(row.reasonKk, row.reasonRu, row.reasonEn).in(language), row.decidedBy,
                instant(row.decidedAt), instant(row.validUntil));
        return new StatementView(row.instructionId, row.instructionNo, row.clientId, row.kind, kind == null ? row.kind : kind.in(language),
                row.amount.stripTrailingZeros().toPlainString(), row.currency, row.description, instant(row.submittedAt),
                files.stream().map(file -> evidence(file, downloadBase)).toList(), decision);
    }

    private static Instant instant(java.time.LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
