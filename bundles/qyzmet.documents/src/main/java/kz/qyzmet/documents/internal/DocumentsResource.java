package kz.qyzmet.documents.internal;

import kz.qyzmet.rest.api.Answer;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
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
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * A client's own documents (downloads only by their owner: anyone else, even with
 * the right id, gets the same 404 as for an id that does not exist). The public
 * verification is {@link VerificationResource}'s.
 */
@Component(service = DocumentsResource.class)
@ApiResource
@Path("documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {
    private final Documents documents;
    private final AuditJournal audit;

    @Context
    HttpServletRequest request;

    @Activate
    public DocumentsResource(@Reference Documents documents, @Reference AuditJournal audit) {
        this.documents = documents;
        this.audit = audit;
    }

    /** One of the client's documents, with its download and its public verification link. */
    public record DocumentView(String id, String number, String kind, String title, String language, String mediaType,
            String fileName, long size, String sha256, String instructionId, java.time.Instant issuedAt, String download,
            String verification) {
    }

    /** The client's documents, newest first. */
    public record DocumentList(List<DocumentView> documents) {
    }

    @GET
    public DocumentList mine(@QueryParam("limit") Integer limit) {
        Session session = client();
        List<StoredDocument> mine = documents.ofClient(session.clientId(), limit == null ? 100 : limit);
        java.util.Map<String, String> links = documents.verificationUrls(mine.stream().map(StoredDocument::id).toList());
        return new DocumentList(mine.stream().map(document -> view(document, links.get(document.id()))).toList());
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

    private Session client() {
        return Session.requireClient(request::getAttribute);
    }

    private static ProblemException notFound() {
        return new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Құжат табылмады.",
                "Документ не найден.", "No such document."));
    }

    DocumentView view(StoredDocument document, String verification) {
        return new DocumentView(document.id(), document.number(), document.kind(), document.title(), document.language(),
                document.mediaType(), document.fileName(), document.size(), document.sha256(), document.instructionId(),
                document.issuedAt(), "/api/v1/documents/" + document.id(), verification);
    }

}
