package kz.qyzmet.instructions.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.instructions.api.QueueQuery;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.FileSpec;
import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.uploads.api.FileType;
import kz.qyzmet.common.api.Requests;

/**
 * The back-office queue: instructions accepted for staff processing, earliest
 * deadline first, overdue ones flagged. Operators take, complete or reject them
 * (with the reason the client reads, in the three languages, §29). Only operators
 * reach {@code /api/v1/operator}.
 */
@Component(service = OperatorQueueResource.class)
@ApiResource
@Path("operator/queue")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorQueueResource {
    /** The largest document staff attach. */
    static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
    private final Instructions instructions;
    private final Documents documents;
    private final Clock clock;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorQueueResource(@Reference Instructions instructions, @Reference Documents documents,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.instructions = instructions;
        this.documents = documents;
        this.clock = clock;
    }

    public record CompleteRequest(List<String> documentIds) {
    }

    public record RejectRequest(Reason reason) {
    }

    public record Reason(String kk, String ru, String en) {
    }

    @GET
    public Map<String, Object> list(@QueryParam("service") String service, @QueryParam("status") String status,
            @QueryParam("overdue") boolean overdue, @QueryParam("limit") Integer limit) {
        InstructionStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = InstructionStatus.valueOf(status.trim());
            } catch (IllegalArgumentException e) {
                throw Requests.invalid("status", LocalizedText.of("status: ACCEPTED немесе IN_WORK.",
                        "status: ACCEPTED или IN_WORK.", "status: ACCEPTED or IN_WORK."));
            }
        }
        List<Instruction> items = instructions.queue(new QueueQuery(service, wanted, overdue, limit == null ? 100 : limit));
        return Map.of("items", items.stream().map(this::view).toList(), "overdue",
                items.stream().filter(item -> item.isOverdue(clock.instant())).count());
    }

    @POST
    @Path("{id}/take")
    public Map<String, Object> take(@PathParam("id") String id) {
        return view(instructions.take(id, caller()));
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> complete(@PathParam("id") String id, CompleteRequest body) {
        return view(instructions.complete(id, body == null ? List.of() : body.documentIds(), caller()));
    }

    /** A document staff attached: name its {@code id} in the completion's {@code documentIds}. */
    public record Attached(String id, String number, String fileName, String sha256, long size, String instruction) {
    }

    /**
     * Staff attach a document they produced for the instruction they work on (a
     * copy of the contract, a statement for a past period, an answer letter), as
     * a PDF told from its bytes; it is numbered, hashed, kept unaltered (§45.4) and
     * journalled with the instruction, and completing the instruction with its id
     * hands it to the client.
     */
    @POST
    @Path("{id}/documents")
    @Consumes({ "application/pdf", MediaType.APPLICATION_OCTET_STREAM })
    public Attached attach(@PathParam("id") String id, @QueryParam("name") String name, java.io.InputStream body)
            throws java.io.IOException {
        Instruction instruction = instructions.find(id).orElseThrow(InstructionService::notFound);
        if (instruction.status() != InstructionStatus.IN_WORK) {
            throw new ProblemException(409, CommonProblems.CONFLICT, LocalizedText.of("Алдымен өтінішті жұмысқа алыңыз.",
                    "Сначала возьмите поручение в работу.", "Take the instruction into work first."),
                    Map.of("status", instruction.status().name()), Map.of());
        }
        if (request.getContentLengthLong() > MAX_DOCUMENT_BYTES) {
            throw tooLarge();
        }
        byte[] pdf = body == null ? new byte[0] : body.readNBytes((int) MAX_DOCUMENT_BYTES + 1);
        if (pdf.length > MAX_DOCUMENT_BYTES) {
            throw tooLarge();
        }
        // told from the bytes, not the name; a disguised file is refused with the reason
        if (FileType.check(pdf, name, request.getContentType()) != FileType.PDF) {
            throw new ProblemException(415, CommonProblems.UNSUPPORTED_MEDIA_TYPE, LocalizedText.of("Тек PDF құжаты.",
                    "Только документ PDF.", "A PDF document only."));
        }
        Language language = java.util.Optional.ofNullable(Language.fromTag(String.valueOf(instruction.parameters()
                .get("language")))).orElse(Language.RU);
        String title = java.util.Optional.ofNullable(name).map(String::strip).filter(given -> !given.isEmpty())
                .map(given -> given.length() > 120 ? given.substring(0, 120) : given).orElse(instruction.summary().in(language));
        StoredDocument stored = documents.issue(new FileSpec(instruction.kind(), instruction.clientId(), language, title,
                "application/pdf", "pdf", instruction.id()), out -> out.write(pdf), caller()); // journalled with the instruction
        return new Attached(stored.id(), stored.number(), stored.fileName(), stored.sha256(), stored.size(), instruction.id());
    }

    private static ProblemException tooLarge() {
        return new ProblemException(413, CommonProblems.PAYLOAD_TOO_LARGE, LocalizedText.of("Файл 20 МиБ-тан үлкен.",
                "Файл больше 20 МиБ.", "The file is larger than 20 MiB."));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> reject(@PathParam("id") String id, RejectRequest body) {
        Reason reason = body == null ? null : body.reason();
        Requests.required(reason, "reason");
        return view(instructions.reject(id, LocalizedText.of(Requests.required(reason.kk(), "reason.kk"),
                Requests.required(reason.ru(), "reason.ru"), Requests.required(reason.en(), "reason.en")), caller()));
    }

    private Map<String, Object> view(Instruction instruction) {
        return InstructionViews.view(instruction, Language.RU, clock.instant());
    }

    private Caller caller() {
        return Caller.from(request::getAttribute);
    }
}
