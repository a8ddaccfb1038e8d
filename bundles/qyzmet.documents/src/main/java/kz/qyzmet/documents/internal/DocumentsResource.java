package kz.qyzmet.documents.internal;

import kz.qyzmet.rest.api.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.documents.api.Verification;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;

/**
 * A client's own documents (downloads only by their owner: anyone else, even with
 * the right id, gets the same 404 as for an id that does not exist), and the
 * public verification the QR code on every document points to.
 */
@Component(service = DocumentsResource.class)
@ApiResource
@Path("documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {
    /** Larger than any document the platform issues; a bigger upload is not one of ours. */
    private static final int MAX_PRESENTED_BYTES = 64 * 1024 * 1024;

    private final Documents documents;
    private final AuditJournal audit;

    @Context
    HttpServletRequest request;

    @Activate
    public DocumentsResource(@Reference Documents documents, @Reference AuditJournal audit) {
        this.documents = documents;
        this.audit = audit;
    }

    @GET
    public Map<String, Object> mine(@QueryParam("limit") Integer limit) {
        Session session = client();
        return Map.of("documents", documents.ofClient(session.clientId(), limit == null ? 100 : limit).stream()
                .map(DocumentsResource::view).toList());
    }

    @GET
    @Path("{id}")
    @Produces({ "application/pdf", "text/csv", MediaType.APPLICATION_JSON })
    @Answer(status = 200, mediaType = "application/pdf", description = "the document as issued, in its own format")
    @Answer(status = 200, mediaType = "text/csv")
    @Answer(status = 200, mediaType = "application/octet-stream", description = "a JSON document, as a file")
    public Response download(@PathParam("id") String id) {
        Session session = client();
        StoredDocument document = documents.find(id).filter(found -> session.clientId().equals(found.ownerClientId()))
                .orElseThrow(() -> {
                    audit.record(AuditEvent.builder("document.download.refused", String.valueOf(id))
                            .by(Caller.from(request::getAttribute)).detail("reason", "not-found-or-not-owner").build());
                    return notFound();
                });
        audit.record(AuditEvent.builder("document.downloaded", document.number()).by(Caller.from(request::getAttribute))
                .detail("id", document.id()).build());
        StreamingOutput body = out -> documents.copyContent(document.id(), out);
        return Response.ok(body, document.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
                .header("X-Content-SHA256", document.sha256()).header("Cache-Control", "private, no-store").build();
    }

    /** The page the QR code opens: what the document is, and the hash its bytes must have. */
    @GET
    @Path("verification/{number}")
    public Map<String, Object> byNumber(@PathParam("number") String number) {
        StoredDocument document = documents.findByNumber(number).orElseThrow(DocumentsResource::notFound);
        return publicView(new Verification(true, document.sha256(), document));
    }

    /** Is there a genuine document with this SHA-256? */
    @GET
    @Path("verification")
    public Map<String, Object> byHash(@QueryParam("sha256") String sha256) {
        Requests.required(sha256, "sha256");
        if (!sha256.trim().matches("[0-9a-fA-F]{64}")) {
            throw Requests.invalid("sha256", LocalizedText.of("sha256 — 64 он алтылық таңба болуы керек.",
                    "sha256 должен состоять из 64 шестнадцатеричных символов.", "sha256 must be 64 hexadecimal characters."));
        }
        return publicView(documents.verifyHash(sha256));
    }

    /** The document itself, as the holder has it: genuine only if not one byte differs. */
    @POST
    @Path("verification")
    @Consumes({ "application/pdf", MediaType.APPLICATION_OCTET_STREAM, "text/csv", MediaType.APPLICATION_JSON })
    public Map<String, Object> byContent(InputStream body) throws IOException {
        byte[] presented = body == null ? new byte[0] : body.readNBytes(MAX_PRESENTED_BYTES + 1);
        if (presented.length == 0) {
            throw Requests.invalid("body", LocalizedText.of("Тексерілетін құжатты сұрау денесінде жіберіңіз.",
                    "Отправьте проверяемый документ в теле запроса.", "Send the document to verify as the request body."));
        }
        if (presented.length > MAX_PRESENTED_BYTES) {
            throw new ProblemException(413, CommonProblems.BAD_REQUEST, LocalizedText.of(
                    "Құжат тым үлкен: платформа мұндай құжат бермейді.", "Документ слишком большой: платформа таких не выдаёт.",
                    "The document is too large to be one the platform issued."));
        }
        Verification verification = documents.verify(presented);
        audit.record(AuditEvent.builder("document.verified", verification.genuine() ? verification.document().number() : "unknown")
                .by(Caller.from(request::getAttribute)).detail("genuine", verification.genuine())
                .detail("sha256", verification.sha256()).build());
        return publicView(verification);
    }

    private Session client() {
        return Session.requireClient(request::getAttribute);
    }

    private static ProblemException notFound() {
        return new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Құжат табылмады.",
                "Документ не найден.", "No such document."));
    }

    static Map<String, Object> view(StoredDocument document) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", document.id());
        view.put("number", document.number());
        view.put("kind", document.kind());
        view.put("title", document.title());
        view.put("language", document.language());
        view.put("mediaType", document.mediaType());
        view.put("fileName", document.fileName());
        view.put("size", document.size());
        view.put("sha256", document.sha256());
        view.put("instructionId", document.instructionId());
        view.put("issuedAt", document.issuedAt().toString());
        view.put("download", "/api/v1/documents/" + document.id());
        return view;
    }

    /** Nothing about the owner: the verification is public. */
    private static Map<String, Object> publicView(Verification verification) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("genuine", verification.genuine());
        view.put("sha256", verification.sha256());
        StoredDocument document = verification.document();
        if (document != null) {
            view.put("document", Map.of("number", document.number(), "kind", document.kind(), "title", document.title(),
                    "language", document.language(), "mediaType", document.mediaType(), "size", document.size(),
                    "issuedAt", document.issuedAt().toString()));
        }
        return view;
    }

    static List<Map<String, Object>> views(List<StoredDocument> documents) {
        return documents.stream().map(DocumentsResource::view).toList();
    }
}
