package kz.qyzmet.service.sourceoffunds.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

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

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.rest.api.Answer;
import kz.qyzmet.rest.api.ApiResource;

/**
 * The client's side of the source of funds (issue #15): upload an evidence file
 * ({@code POST /api/v1/source-of-funds/evidence?name=statement.pdf}, the file as
 * the body), fetch one's own files back, and read one's history of statements
 * and decisions. The statement itself is a request of the service
 * {@code source-of-funds} ({@code POST /api/v1/services/source-of-funds/requests}).
 */
@Component(service = SourceOfFundsResource.class)
@ApiResource
@Path("source-of-funds")
@Produces(MediaType.APPLICATION_JSON)
public class SourceOfFundsResource {
    static final String DOWNLOAD = "/api/v1/source-of-funds/evidence/";

    private final SourceOfFundsRecords records;

    @Context
    HttpServletRequest request;

    @Activate
    public SourceOfFundsResource(@Reference SourceOfFundsRecords records) {
        this.records = records;
    }

    /** The client's statements with their files and decisions, newest first. */
    @GET
    public SourceOfFundsViews.History history(@QueryParam("limit") Integer limit) {
        Session session = Session.requireClient(request::getAttribute);
        return history(records, session.clientId(), limit, DOWNLOAD, language(request));
    }

    static SourceOfFundsViews.History history(SourceOfFundsRecords records, String clientId, Integer limit, String download,
            Language language) {
        return new SourceOfFundsViews.History(clientId, records.history(clientId, limit == null ? 100 : limit).stream()
                .map(row -> SourceOfFundsViews.statement(row, records.evidenceOf(row.instructionId), download, language))
                .toList());
    }

    /**
     * Keeps a file as evidence: PDF, JPEG or PNG by its bytes, within the size
     * limit; the name and the declared type must not disguise it.
     */
    @POST
    @Path("evidence")
    @Consumes(MediaType.WILDCARD)
    @Answer(status = 201, body = SourceOfFundsViews.EvidenceView.class, description = "the file is kept; name its id in the statement's evidence")
    @Answer(status = 413, description = "larger than the limit")
    @Answer(status = 415, description = "not a PDF, JPEG or PNG by its content, or its name or type says otherwise")
    public Response upload(@QueryParam("name") String name, InputStream body) throws IOException {
        Session session = Session.requireClient(request::getAttribute);
        records.admitLength(request.getContentLengthLong());
        byte[] bytes = body == null ? new byte[0]
                : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, records.configuration().max_file_bytes() + 1));
        EvidenceRow row = records.upload(session.clientId(), bytes, name, request.getContentType(),
                Caller.from(request::getAttribute));
        return Response.created(URI.create(DOWNLOAD + row.id)).entity(SourceOfFundsViews.evidence(row, DOWNLOAD)).build();
    }

    /** One of the client's own files as uploaded; anyone else's is not found. */
    @GET
    @Path("evidence/{id}")
    @Produces({ "application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON })
    @Answer(status = 200, mediaType = "application/pdf", description = "the file as uploaded")
    public Response download(@PathParam("id") String id) {
        Session session = Session.requireClient(request::getAttribute);
        EvidenceRow evidence = records.evidence(id).filter(found -> found.clientId.equals(session.clientId()))
                .orElseThrow(SourceOfFundsResource::notFound);
        return file(records, evidence);
    }

    static Response file(SourceOfFundsRecords records, EvidenceRow evidence) {
        StreamingOutput body = out -> records.copy(evidence, out);
        return Response.ok(body, evidence.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + evidence.fileName.replaceAll("[^\\x20-\\x7E]", "_")
                        + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(evidence.fileName,
                                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-SHA256", evidence.sha256).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store").build();
    }

    static ProblemException notFound() {
        return new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Файл табылмады.", "Файл не найден.",
                "No such file."));
    }

    static Language language(HttpServletRequest request) {
        try {
            return Language.fromAcceptLanguage(request.getHeader("Accept-Language"));
        } catch (RuntimeException e) {
            return Language.DEFAULT;
        }
    }
}
