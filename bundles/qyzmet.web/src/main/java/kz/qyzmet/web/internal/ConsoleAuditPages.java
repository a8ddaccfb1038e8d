package kz.qyzmet.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditQuery;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.audit.api.AuditVerification;
import kz.qyzmet.documents.api.Formats;

/**
 * The audit journal in the console (rules §32, §33): search by subject, actor,
 * type and period (a plain form, the answer is the page), and the verification
 * of the hash chain and of the second store, with what it found.
 */
@Component(service = ConsoleAuditPages.class)
@WebResource
@Path("console/audit")
@Produces(Pages.HTML)
public class ConsoleAuditPages extends PageResource {
    private final Pages pages;
    private final ConsoleAccess access;
    private final AuditJournal journal;

    @Activate
    public ConsoleAuditPages(@Reference Pages pages, @Reference ConsoleAccess access, @Reference AuditJournal journal) {
        this.pages = pages;
        this.access = access;
        this.journal = journal;
    }

    /** A journal record as the console lists it. */
    public record Line(long sequence, String at, String type, String subject, String actor, String address, String details) {
    }

    @GET
    public Response search(@QueryParam("subject") String subject, @QueryParam("actor") String actor,
            @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to) {
        PageContext context = access.operator(context("console"));
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("subject", blank(subject));
        query.put("actor", blank(actor));
        query.put("type", blank(type));
        query.put("from", blank(from));
        query.put("to", blank(to));
        model.put("query", query);
        try {
            Instant start = day(from, false);
            Instant end = day(to, true);
            List<AuditRecord> records = journal.search(new AuditQuery(nullIfBlank(subject), nullIfBlank(actor), nullIfBlank(type),
                    start, end, null, 200));
            model.put("records", records.stream().map(record -> new Line(record.sequence(), context.time(record.recordedAt()),
                    record.event().type(), record.event().subject(), record.event().actor(), record.event().address(),
                    String.join(", ", record.event().details().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .toList()))).toList());
        } catch (DateTimeParseException bad) {
            model.put("records", List.of());
            model.put("badDate", true);
        }
        return pages.page("console/audit", context, model);
    }

    @GET
    @Path("verification")
    public Response verification() {
        PageContext context = access.operator(context("console"));
        AuditVerification result = journal.verify();
        return pages.page("console/audit-verification", context, Map.of("result", result, "verifiedAt",
                context.time(result.verifiedAt())));
    }

    /** A calendar day in Almaty: its start, or (for the end of a period) the start of the next. */
    private static Instant day(String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day = LocalDate.parse(value.strip());
        return (end ? day.plusDays(1) : day).atStartOfDay(Formats.BROKER_ZONE).toInstant();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static String nullIfBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
