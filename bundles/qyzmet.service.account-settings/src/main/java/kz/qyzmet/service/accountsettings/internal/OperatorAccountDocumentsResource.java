package kz.qyzmet.service.accountsettings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
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

import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.FileSpec;
import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.uploads.api.FileType;

/**
 * {@code POST /api/v1/operator/account-settings/<instruction>/documents?name=}:
 * staff attach the document a client ordered (a statement for a past period, a
 * copy of the contract) to the instruction they have taken, as a PDF; it is
 * numbered, hashed and kept like every output document (§45: never altered),
 * and completing the instruction hands it to the client. Only operators reach
 * {@code /api/v1/operator}.
 */
@Component(service = OperatorAccountDocumentsResource.class)
@ApiResource
@Path("operator/account-settings")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorAccountDocumentsResource {
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private final Instructions instructions;
    private final Documents documents;

    @Context
    HttpServletRequest request;

    @Activate
    public OperatorAccountDocumentsResource(@Reference Instructions instructions, @Reference Documents documents) {
        this.instructions = instructions;
        this.documents = documents;
    }

    public record Attached(String documentId, String number, String sha256, long size, String instruction) {
    }

    @POST
    @Path("{instruction}/documents")
    @Consumes({ "application/pdf", MediaType.APPLICATION_OCTET_STREAM })
    public Attached attach(@PathParam("instruction") String instructionId, @QueryParam("name") String name, InputStream body)
            throws IOException {
        Instruction instruction = instructions.find(instructionId)
                .filter(found -> AccountSettingsService.ID.equals(found.serviceId()))
                .orElseThrow(() -> new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Өтініш табылмады.",
                        "Поручение не найдено.", "No such instruction.")));
        String operation = String.valueOf(instruction.parameters().get("operation"));
        if (!"statement".equals(operation) && !"contract-copy".equals(operation)) {
            throw conflict(LocalizedText.of("Бұл өтінішке құжатты қызметкер тіркемейді.",
                    "К этому поручению сотрудник документ не прикладывает.", "Staff attach no document to this instruction."),
                    "NO_DOCUMENT_ORDERED");
        }
        if (instruction.status() != InstructionStatus.IN_WORK) {
            throw conflict(LocalizedText.of("Алдымен өтінішті жұмысқа алыңыз.", "Сначала возьмите поручение в работу.",
                    "Take the instruction into work first."), "NOT_IN_WORK");
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] pdf = body == null ? new byte[0] : body.readNBytes((int) MAX_BYTES + 1);
        if (pdf.length > MAX_BYTES) {
            throw tooLarge();
        }
        // told from the bytes, not the name (a disguised file is refused with the reason)
        if (FileType.check(pdf, name, request.getContentType()) != FileType.PDF) {
            throw new ProblemException(415, CommonProblems.UNSUPPORTED_MEDIA_TYPE, LocalizedText.of(
                    "Тек PDF құжаты.", "Только документ PDF.", "A PDF document only."));
        }
        Language language = Optional.ofNullable(Language.fromTag(String.valueOf(instruction.parameters().get("language"))))
                .orElse(Language.RU);
        String title = Optional.ofNullable(name).map(String::strip).filter(given -> !given.isEmpty())
                .map(given -> given.length() > 120 ? given.substring(0, 120) : given)
                .orElse(instruction.summary().in(language));
        Caller caller = Caller.from(request::getAttribute);
        StoredDocument stored = documents.issue(new FileSpec(operation, instruction.clientId(), language, title, "application/pdf",
                "pdf", instruction.id()), out -> out.write(pdf), caller); // journalled with the instruction by the documents core
        return new Attached(stored.id(), stored.number(), stored.sha256(), stored.size(), instruction.id());
    }

    private static ProblemException tooLarge() {
        return new ProblemException(413, CommonProblems.PAYLOAD_TOO_LARGE, LocalizedText.of("Файл 20 МиБ-тан үлкен.",
                "Файл больше 20 МиБ.", "The file is larger than 20 MiB."));
    }

    private static ProblemException conflict(LocalizedText why, String reason) {
        return new ProblemException(409, CommonProblems.CONFLICT, why, Map.of("reason", reason), Map.of());
    }
}
