package kz.qyzmet.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

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
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.PublicRecord;
import kz.qyzmet.documents.api.SignatureCheck;
import kz.qyzmet.documents.api.SigningCertificate;
import kz.qyzmet.documents.api.Verification;
import kz.qyzmet.rest.api.ApiResource;

/**
 * The public verification of documents (issue #13), for anyone holding one:
 * the QR code's link (an unguessable token) shows what the broker issued — kind,
 * time, key figures, the original's SHA-256 and the signing certificate — and
 * says plainly that only the original file or its signature proves a copy's
 * content; a presented file is checked byte for byte and by its signature.
 * Every call is limited per client address; anonymous uploads are counted,
 * not journalled one by one.
 */
@Component(service = VerificationResource.class, configurationPid = "kz.qyzmet.documents")
@ApiResource
@Path("documents/verification")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {
    /** Larger than any document the platform issues; a bigger upload is not one of ours. */
    private static final int MAX_PRESENTED_BYTES = 64 * 1024 * 1024;

    static final LocalizedText NOTICE = LocalizedText.of(
            "Брокер осы нөмірмен, уақытпен және көрсеткіштермен құжат берді. Бұл қолыңыздағы көшірменің өзгертілмегенін"
                    + " дәлелдемейді: мазмұнды тек түпнұсқа файл (оның SHA-256 мәні көрсетілген; тексеру үшін файлды жүктеңіз)"
                    + " немесе PDF бағдарламасында тексерілген электрондық қолтаңбасы дәлелдейді.",
            "Брокер выдал документ с этим номером, временем и показателями. Это не доказывает, что копия у вас в руках"
                    + " не изменена: содержание подтверждает только исходный файл (его SHA-256 указан; загрузите файл для"
                    + " проверки) или его электронная подпись, проверенная в программе просмотра PDF.",
            "The broker issued a document with this number, time and figures. That does not prove a copy in your hands"
                    + " is unchanged: only the original file (its SHA-256 is shown; upload it to check) or its digital"
                    + " signature, checked in a PDF reader, proves the content.");

    /** What the QR code's link shows. */
    public record Lookup(PublicRecord document, SigningCertificate signature, String notice) {
    }

    /** The answer about a presented file or hash: genuine only if not one byte differs. */
    public record Check(boolean genuine, String sha256, PublicRecord document, SignatureCheck signature, String notice) {
    }

    private final Documents documents;
    private final DocumentsConfiguration config;
    private final AddressRateLimit limit;

    /** Dynamic and greedy: a test's clock with a higher ranking takes over. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    @Context
    HttpServletRequest request;

    @Activate
    public VerificationResource(@Reference Documents documents, DocumentsConfiguration config) {
        this.documents = documents;
        this.config = config;
        this.limit = new AddressRateLimit(Math.max(1, config.verification_per_minute()), () -> clock);
    }

    /**
     * What a token's document is, for the public verification page (and any program). A browser that opened
     * this address directly (the QR code of a document issued before the page existed) is sent to the page.
     */
    @GET
    @Path("{token}")
    @kz.qyzmet.rest.api.Answer(status = 200, body = Lookup.class)
    @kz.qyzmet.rest.api.Answer(status = 303, mediaType = "text/html", description = "a browser: to the verification page")
    public javax.ws.rs.core.Response byToken(@PathParam("token") String token) {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.startsWith("text/html") && VerificationTokens.wellFormed(token)) {
            return javax.ws.rs.core.Response.seeOther(java.net.URI.create(DocumentService.PAGE_PATH + token)).build();
        }
        admit();
        PublicRecord document = documents.lookUp(token).orElseThrow(VerificationResource::notFound);
        return javax.ws.rs.core.Response.ok(new Lookup(document, "application/pdf".equals(document.mediaType())
                ? documents.signingCertificate() : null, NOTICE.in(language()))).build();
    }

    /** Is there a document with this SHA-256? */
    @GET
    public Check byHash(@QueryParam("sha256") String sha256) {
        admit();
        Requests.required(sha256, "sha256");
        if (!sha256.trim().matches("[0-9a-fA-F]{64}")) {
            throw Requests.invalid("sha256", LocalizedText.of("sha256 — 64 он алтылық таңба болуы керек.",
                    "sha256 должен состоять из 64 шестнадцатеричных символов.", "sha256 must be 64 hexadecimal characters."));
        }
        Verification verification = documents.verifyHash(sha256);
        return new Check(verification.genuine(), verification.sha256(), publicRecord(verification), null, NOTICE.in(language()));
    }

    /** The document itself, as the holder has it: its bytes, and for a PDF its signature. */
    @POST
    @Consumes({ "application/pdf", MediaType.APPLICATION_OCTET_STREAM, "text/csv", MediaType.APPLICATION_JSON })
    public Check byContent(InputStream body) throws IOException {
        admit();
        byte[] presented = body == null ? new byte[0] : body.readNBytes(MAX_PRESENTED_BYTES + 1);
        if (presented.length == 0) {
            throw Requests.invalid("body", LocalizedText.of("Тексерілетін құжатты сұрау денесінде жіберіңіз.",
                    "Отправьте проверяемый документ в теле запроса.", "Send the document to verify as the request body."));
        }
        if (presented.length > MAX_PRESENTED_BYTES) {
            throw new ProblemException(413, CommonProblems.PAYLOAD_TOO_LARGE, LocalizedText.of(
                    "Құжат тым үлкен: платформа мұндай құжат бермейді.", "Документ слишком большой: платформа таких не выдаёт.",
                    "The document is too large to be one the platform issued."));
        }
        Verification verification = documents.verify(presented, Caller.from(request::getAttribute));
        SignatureCheck signature = documents.verifySignature(presented);
        return new Check(verification.genuine(), verification.sha256(), publicRecord(verification),
                signature.status() == SignatureCheck.Status.ABSENT && !isPdf(presented) ? null : signature, NOTICE.in(language()));
    }

    private PublicRecord publicRecord(Verification verification) {
        return verification.document() == null ? null : documents.publicRecord(verification.document().id()).orElse(null);
    }

    private static boolean isPdf(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F';
    }

    private void admit() {
        limit.admit(Caller.from(request::getAttribute).address());
    }

    private Language language() {
        try {
            return Language.fromAcceptLanguage(request.getHeader("Accept-Language"));
        } catch (RuntimeException e) {
            return Language.DEFAULT;
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(404, CommonProblems.NOT_FOUND, LocalizedText.of("Мұндай тексеру сілтемесі жоқ.",
                "Такой ссылки для проверки нет.", "There is no such verification link."));
    }
}
