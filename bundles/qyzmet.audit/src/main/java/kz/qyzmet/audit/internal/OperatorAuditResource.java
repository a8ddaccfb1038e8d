package kz.qyzmet.audit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.audit.api.AuditQuery;
import kz.qyzmet.audit.api.AuditRecord;
import kz.qyzmet.audit.api.AuditVerification;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;

/**
 * {@code /api/v1/operator/audit}: operators search the journal by subject,
 * identity, type and time, and verify the chain and its second store.
 */
@Component(service = OperatorAuditResource.class)
@ApiResource
@Path("operator/audit")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorAuditResource {
    private final AuditJournal journal;

    @Activate
    public OperatorAuditResource(@Reference AuditJournal journal) {
        this.journal = journal;
    }

    @GET
    public Map<String, Object> search(@QueryParam("subject") String subject, @QueryParam("actor") String actor,
            @QueryParam("type") String type, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw Requests.invalid("limit", LocalizedText.of("limit 1-ден {max}-ға дейін болуы керек.",
                    "limit должен быть от 1 до {max}.", "limit must be 1 to {max}.")
                    .format(Map.of("max", AuditQuery.MAX_LIMIT)));
        }
        List<AuditRecord> records = journal.search(new AuditQuery(blankToNull(subject), blankToNull(actor),
                blankToNull(type), Requests.instant("from", from), Requests.instant("to", to), before, limit));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("records", records.stream().map(OperatorAuditResource::view).toList());
        if (records.size() == limit) {
            page.put("next", records.get(records.size() - 1).sequence());
        }
        return page;
    }

    /** Rules §32, §33: walks the chain and compares the second store. */
    @GET
    @Path("verification")
    public Map<String, Object> verify() {
        AuditVerification verification = journal.verify();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("intact", verification.intact());
        view.put("verifiedAt", verification.verifiedAt());
        view.put("checked", verification.checked());
        view.put("lastSequence", verification.lastSequence());
        view.put("problem", verification.problem());
        view.put("secondStore", verification.replicaConfigured());
        view.put("secondStoreChecked", verification.replicaChecked());
        view.put("secondStoreProblem", verification.replicaProblem());
        view.put("secondStoreBehind", verification.replicaBehind());
        return view;
    }

    static Map<String, Object> view(AuditRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sequence", record.sequence());
        view.put("recordedAt", record.recordedAt());
        view.put("type", record.event().type());
        view.put("subject", record.event().subject());
        view.put("actor", record.event().actor());
        view.put("actorRole", record.event().actorRole());
        view.put("address", record.event().address());
        view.put("userAgent", record.event().userAgent());
        view.put("correlationId", record.event().correlationId());
        view.put("details", record.event().details());
        view.put("hash", record.recordHash());
        return view;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }


}
