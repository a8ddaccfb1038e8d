package kz.qyzmet.service.operationsreport.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.clients.api.ClientRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.jobs.api.Job;
import kz.qyzmet.jobs.api.JobContext;
import kz.qyzmet.jobs.api.JobResult;
import kz.qyzmet.jobs.api.JobWorker;
import kz.qyzmet.ledger.api.Ledger;

/**
 * Writes the report of a confirmed instruction as a platform job (any node
 * takes it; one that dies leaves it to another): the document is written with
 * progress while the job runs, and the instruction's outcome commits with the
 * job's state.
 */
@Component(service = JobWorker.class, property = JobWorker.KIND_PROPERTY + "=" + ReportWorker.KIND)
public class ReportWorker implements JobWorker {
    static final String KIND = "operations-report";

    private final Instructions instructions;
    private final AuditJournal audit;
    private final ReportWriter writer;

    /** Optional: without client records the report names the holder as the ledger knows the account. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClientRecords clients;

    @Activate
    public ReportWorker(@Reference Ledger ledger, @Reference Documents documents, @Reference Instructions instructions,
            @Reference AuditJournal audit) {
        this.instructions = instructions;
        this.audit = audit;
        this.writer = new ReportWriter(ledger, documents, () -> Optional.ofNullable(clients));
    }

    /** What the job needs to write the report, as its parameters. */
    static Map<String, Object> parameters(Instruction instruction, OperationsReportService.Request request) {
        return Map.of("client", instruction.clientId(), "account", instruction.account(), "from", request.from(),
                "to", request.to(), "format", request.format(), "language", request.language());
    }

    @Override
    public JobResult run(Job job, JobContext context) {
        Optional<Instruction> instruction = instructions.find(job.subject());
        if (instruction.isPresent() && instruction.get().status() == InstructionStatus.CONFIRMED) {
            // the job was queued by the handler a moment before the core records the instruction as in work
            return JobResult.later();
        }
        if (instruction.isEmpty() || instruction.get().status() != InstructionStatus.IN_WORK) {
            // the client cancelled the instruction (§7.2) before its report was written: nothing to produce
            return JobResult.done(null);
        }
        Map<String, Object> parameters = job.parameters();
        Period period = new Period(Instant.parse((String) parameters.get("from")), Instant.parse((String) parameters.get("to")));
        Language language = Optional.ofNullable(Language.fromTag((String) parameters.get("language"))).orElse(Language.RU);
        StoredDocument document = writer.write(new ReportWriter.Request(job.subject(), instruction.get().number(),
                (String) parameters.get("client"), (String) parameters.get("account"), period, (String) parameters.get("format"),
                language), (operations, lastPostedAt) -> context.progress(percent(period, lastPostedAt), operations),
                system(job));
        return JobResult.done(document.id());
    }

    /** The share of the period the operations written so far cover (the time of the last one); 100 only when stored. */
    static int percent(Period period, Instant lastPostedAt) {
        long span = Math.max(1, Duration.between(period.from(), period.to()).toMillis());
        long covered = Math.max(0, Duration.between(period.from(), lastPostedAt).toMillis());
        return (int) Math.min(99, covered * 100 / span);
    }

    /** In the transaction that records the job as done: the instruction is executed with its document. */
    @Override
    public void completed(Job job, JobResult result) {
        Caller system = system(job);
        if (result.result() == null) {
            audit.record(AuditEvent.builder("operations-report.skipped", job.subject()).by(system)
                    .detail("status", instructions.find(job.subject()).map(found -> found.status().name()).orElse("unknown"))
                    .build());
            return;
        }
        try {
            instructions.complete(job.subject(), List.of(result.result()), system);
            audit.record(AuditEvent.builder("operations-report.done", job.subject()).by(system)
                    .detail("document", result.result()).detail("format", String.valueOf(job.parameters().get("format")))
                    .build());
        } catch (ProblemException cancelledMeanwhile) {
            // cancelled while the report was being written: the document stays stored (nothing issued is ever
            // removed, §45.2) but is not attached to the cancelled instruction
            audit.record(AuditEvent.builder("operations-report.discarded", job.subject()).by(system)
                    .detail("document", result.result()).detail("reason", cancelledMeanwhile.detail().en()).build());
        }
    }

    /** In the transaction that records the job as failed: the client is told, the broker has the record. */
    @Override
    public void failed(Job job, String reason) {
        Caller system = system(job);
        audit.record(AuditEvent.builder("operations-report.failed", job.subject()).by(system).detail("reason", reason).build());
        try {
            instructions.reject(job.subject(), LocalizedText.of(
                    "Есепті жасау мүмкін болмады; брокер хабардар етілді. Қайта сұрап көріңіз.",
                    "Отчёт не удалось сформировать; брокер уведомлён. Попробуйте запросить снова.",
                    "The report could not be produced; the broker has been notified. Please request it again."), system);
        } catch (ProblemException cancelledMeanwhile) {
            // the client cancelled it meanwhile: already final, nothing to tell
        }
    }

    private static Caller system(Job job) {
        return new Caller("system:operations-report", "system", "", "", job.subject());
    }
}
