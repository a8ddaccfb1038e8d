package kz.qyzmet.service.personaldata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;

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
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.rest.api.Answer;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.uploads.api.Upload;
import kz.qyzmet.uploads.api.Uploads;

/**
 * {@code /api/v1/personal-data/scans}: the scans or photos of a new identity
 * document, uploaded before the change names them (issue 16). They go to the
 * uploads store, which keeps them only as long as configured for identity
 * documents ({@code qyzmet.uploads.retention.days}); the client reads back only
 * their own.
 */
@Component(service = DocumentScansResource.class)
@ApiResource
@Path(DocumentScansResource.UPLOAD)
@Produces(MediaType.APPLICATION_JSON)
public class DocumentScansResource {
    static final String UPLOAD = "personal-data/scans";

    private final Uploads uploads;

    @Context
    HttpServletRequest request;

    @Activate
    public DocumentScansResource(@Reference Uploads uploads) {
        this.uploads = uploads;
    }

    /** A scan as the client and staff see it; {@code keepUntil} says when its content goes. */
    public record ScanView(String id, String fileName, String mediaType, long size, String sha256, Instant keptAt,
            Instant keepUntil, Instant deletedAt) {
        static ScanView of(Upload upload) {
            return new ScanView(upload.id(), upload.fileName(), upload.type().mediaType(), upload.size(), upload.sha256(),
                    upload.keptAt(), upload.keepUntil(), upload.purgedAt());
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Answer(status = 201, body = ScanView.class, description = "kept; name its id in the change's documentScans")
    @Answer(status = 413, description = "larger than the limit")
    @Answer(status = 415, description = "not a PDF, JPEG or PNG by its content, or its name or type says otherwise")
    public Response upload(@QueryParam("name") String name, InputStream body) throws IOException {
        Session session = Session.requireClient(request::getAttribute);
        long limit = uploads.maxFileBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        byte[] bytes = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        Upload kept = uploads.keep(session.clientId(), Uploads.IDENTITY_DOCUMENT, bytes, name, request.getContentType(),
                Caller.from(request::getAttribute));
        return Response.created(URI.create("/api/v1/" + UPLOAD + "/" + kept.id())).entity(ScanView.of(kept)).build();
    }

    /** One of the client's own scans; anyone else's is not found, one past its retention is gone (410). */
    @GET
    @Path("{id}")
    @Produces({ "application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON })
    @Answer(status = 200, mediaType = "application/pdf", description = "the scan as uploaded")
    public Response download(@PathParam("id") String id) {
        Session session = Session.requireClient(request::getAttribute);
        Upload upload = uploads.find(id).filter(found -> found.clientId().equals(session.clientId())
                && Uploads.IDENTITY_DOCUMENT.equals(found.purpose())).orElseThrow(DocumentScansResource::notFound);
        return file(uploads, upload, Caller.from(request::getAttribute));
    }

    static Response file(Uploads uploads, Upload upload, Caller viewer) {
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream((int) upload.size());
        try {
            uploads.copyContent(upload.id(), content, viewer); // 410 before anything is sent when it was deleted
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        StreamingOutput body = out -> content.writeTo(out);
        return Response.ok(body, upload.type().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + upload.fileName().replace("\"", "") + "\"")
                .header("X-Content-SHA256", upload.sha256()).header("Cache-Control", "private, no-store").build();
    }

    static ProblemException notFound() {
        return new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Файл табылмады.", "Файл не найден.",
                "No such file."));
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(413, CommonProblems.PAYLOAD_TOO_LARGE, LocalizedText.of("Файл {max} МиБ-тан үлкен.",
                "Файл больше {max} МиБ.", "The file is larger than {max} MiB.")
                .format(java.util.Map.of("max", String.valueOf(limit / (1024 * 1024)))));
    }
}
