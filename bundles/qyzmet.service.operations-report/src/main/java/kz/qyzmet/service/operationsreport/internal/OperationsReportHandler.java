package kz.qyzmet.service.operationsreport.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionHandler;
import kz.qyzmet.instructions.api.NewInstruction;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.rest.api.Caller;
import kz.qyzmet.rest.api.Language;
import kz.qyzmet.rest.api.LocalizedText;
import kz.qyzmet.rest.api.Requests;

/**
 * A confirmed report instruction becomes a job in the database (any node may take
 * it); the instruction stays in work until the job stores the document.
 */
@Component(service = InstructionHandler.class,
        property = InstructionHandler.SERVICE_PROPERTY + "=" + OperationsReportHandler.SERVICE_ID)
public class OperationsReportHandler implements InstructionHandler {
    static final String SERVICE_ID = "operations-report";
    static final Set<String> FORMATS = Set.of("pdf", "csv", "json");

    private final Ledger ledger;
    private final ReportJobs jobs;

    @Activate
    public OperationsReportHandler(@Reference Ledger ledger, @Reference ReportJobs jobs) {
        this.ledger = ledger;
        this.jobs = jobs;
    }

    @Override
    public void validate(NewInstruction instruction, String clientId) {
        ledger.requireClientAccount(String.valueOf(instruction.parameters().get("account")), clientId);
        if (!FORMATS.contains(String.valueOf(instruction.parameters().get("format")))) {
            throw Requests.invalid("format", LocalizedText.of("format: pdf, csv немесе json.", "format: pdf, csv или json.",
                    "format: pdf, csv or json."));
        }
    }

    @Override
    public Outcome execute(Instruction instruction, Caller caller) {
        Map<String, Object> parameters = instruction.parameters();
        Period period = new Period(Instant.parse((String) parameters.get("from")), Instant.parse((String) parameters.get("to")));
        Language language = Language.fromTag(String.valueOf(parameters.get("language")));
        jobs.enqueue(instruction.id(), instruction.clientId(), instruction.account(), period,
                String.valueOf(parameters.get("format")), language == null ? Language.RU : language);
        return Outcome.working();
    }
}
