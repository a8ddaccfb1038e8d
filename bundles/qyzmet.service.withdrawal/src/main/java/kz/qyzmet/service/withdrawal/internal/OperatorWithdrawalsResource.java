package kz.qyzmet.service.withdrawal.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.rest.api.ApiResource;

/**
 * The back office's view of withdrawals and their bank status (issue #15):
 * {@code GET /api/v1/operator/withdrawals?state=SENT,REVIEW}; pending ones by
 * default (in review, held, being sent, at the bank). Only staff reach
 * {@code /api/v1/operator}.
 */
@Component(service = OperatorWithdrawalsResource.class)
@ApiResource
@Path("operator/withdrawals")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorWithdrawalsResource {
    private static final List<String> PENDING = List.of("REVIEW", "HELD", "SENDING", "SENT");

    private final Payments payments;

    @Activate
    public OperatorWithdrawalsResource(@Reference Payments payments) {
        this.payments = payments;
    }

    @GET
    public Map<String, Object> list(@QueryParam("state") String state, @QueryParam("limit") Integer limit) {
        List<String> states = state == null || state.isBlank() ? PENDING
                : "ALL".equals(state.strip()) ? null : Arrays.stream(state.split(",")).map(String::strip).toList();
        if (states != null) {
            for (String wanted : states) {
                try {
                    PaymentStage.valueOf(wanted);
                } catch (IllegalArgumentException e) {
                    throw Requests.invalid("state", LocalizedText.of("state: {states} немесе ALL.",
                            "state: {states} или ALL.", "state: {states} or ALL.")
                            .format(Map.of("states", Arrays.toString(PaymentStage.values()))));
                }
            }
        }
        return Map.of("withdrawals", payments.list(states, limit == null ? 100 : limit).stream().map(this::view).toList());
    }

    private Map<String, Object> view(PaymentRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("instructionId", row.instructionId);
        view.put("number", row.instructionNo);
        view.put("paymentId", row.paymentId);
        view.put("clientId", row.clientId);
        view.put("account", row.accountId);
        view.put("currency", row.currency);
        view.put("amount", row.amount.stripTrailingZeros().toPlainString());
        view.put("fee", row.fee.stripTrailingZeros().toPlainString());
        view.put("iban", row.creditorIban);
        view.put("state", row.state);
        view.put("reviewed", row.reviewed);
        view.put("gateway", row.gateway);
        view.put("submission", row.submission);
        view.put("sentAt", row.sentAt == null ? null : row.sentAt.toInstant(java.time.ZoneOffset.UTC).toString());
        view.put("bankReference", row.bankReference);
        view.put("reasonCode", row.reasonCode);
        view.put("reasonText", row.reasonText);
        view.put("answeredAt", row.answeredAt == null ? null : row.answeredAt.toInstant(java.time.ZoneOffset.UTC).toString());
        view.put("createdAt", row.createdAt.toInstant(java.time.ZoneOffset.UTC).toString());
        return view;
    }
}
