package kz.qyzmet.documents.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.VerificationCount;
import kz.qyzmet.rest.api.ApiResource;

/** {@code GET /api/v1/operator/documents/verifications}: the anonymous verifications counted per day (issue #13). */
@Component(service = OperatorVerificationsResource.class)
@ApiResource
@Path("operator/documents/verifications")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorVerificationsResource {
    private static final int MAX_DAYS = 366;

    private final Documents documents;
    private final Clock clock;

    /** The counts of the days asked for, oldest first. */
    public record Counts(LocalDate from, List<VerificationCount> days) {
    }

    @Activate
    public OperatorVerificationsResource(@Reference Documents documents,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @GET
    public Counts counts(@QueryParam("days") Integer days) {
        int asked = days == null ? 30 : days;
        if (asked < 1 || asked > MAX_DAYS) {
            throw Requests.invalid("days", LocalizedText.of("days: 1-ден 366-ға дейін.", "days: от 1 до 366.",
                    "days: from 1 to 366."));
        }
        LocalDate from = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(asked - 1);
        return new Counts(from, documents.verificationCounts(from));
    }
}
