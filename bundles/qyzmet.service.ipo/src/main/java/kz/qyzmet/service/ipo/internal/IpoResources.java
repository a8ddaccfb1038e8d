package kz.qyzmet.service.ipo.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.service.ipo.internal.IpoMapper.OfferingRow;

/** The offerings as JSON: open ones for clients, all with their subscriptions for staff, who open and allocate them. */
final class IpoResources {
    private IpoResources() {
    }

    /** An offering as clients and staff read it. */
    public record OfferingView(String id, String isin, String issuer, BigDecimal offerPrice, String currency, int lotSize,
            long minLots, long maxLots, long offeredLots, Instant opensAt, Instant closesAt, String rule, String state) {
        static OfferingView of(OfferingRow row) {
            return new OfferingView(row.id, row.isin, row.issuer, row.offerPrice.stripTrailingZeros(), row.currency,
                    row.lotSize, row.minLots, row.maxLots, row.offeredLots, Offerings.instant(row.opensAt),
                    Offerings.instant(row.closesAt), row.rule, row.state);
        }
    }

    public record Offerings_(List<OfferingView> offerings) {
    }

    /** {@code /api/v1/ipo/offerings}: the offerings a client may subscribe to now. */
    @Component(service = ClientResource.class)
    @ApiResource
    @Path("ipo")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ClientResource {
        private final Offerings offerings;

        @Context
        HttpServletRequest request;

        @Activate
        public ClientResource(@Reference Offerings offerings) {
            this.offerings = offerings;
        }

        @GET
        @Path("offerings")
        public Offerings_ open() {
            Session.requireClient(request::getAttribute);
            Instant now = offerings.now();
            return new Offerings_(offerings.list(200).stream().filter(row -> "OPEN".equals(row.state)
                    && !now.isBefore(Offerings.instant(row.opensAt)) && now.isBefore(Offerings.instant(row.closesAt)))
                    .map(OfferingView::of).toList());
        }
    }

    /** {@code /api/v1/operator/ipo/offerings}: staff open offerings, read their book, allocate after the close. */
    @Component(service = OperatorResource.class)
    @ApiResource
    @Path("operator/ipo/offerings")
    @Produces(MediaType.APPLICATION_JSON)
    public static class OperatorResource {
        private final Offerings offerings;

        @Context
        HttpServletRequest request;

        @Activate
        public OperatorResource(@Reference Offerings offerings) {
            this.offerings = offerings;
        }

        public record Book(OfferingView offering, List<Map<String, Object>> subscriptions) {
        }

        public record Allocation(String offering, List<Offerings.Allotment> allotments) {
        }

        @GET
        public Offerings_ list() {
            return new Offerings_(offerings.list(200).stream().map(OfferingView::of).toList());
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public OfferingView open(Offerings.Terms terms) {
            if (terms == null) {
                throw new ProblemException(400, CommonProblems.VALIDATION, LocalizedText.of("Шарттар қажет.",
                        "Нужны условия.", "The terms are needed."));
            }
            return OfferingView.of(offerings.open(terms, Caller.from(request::getAttribute)));
        }

        @GET
        @Path("{id}")
        public Book book(@PathParam("id") String id) {
            OfferingRow row = offerings.find(id).orElseThrow(() -> new ProblemException(404, CommonProblems.NOT_FOUND,
                    LocalizedText.of("Мұндай орналастыру жоқ.", "Такого размещения нет.", "No such offering.")));
            return new Book(OfferingView.of(row), offerings.subscriptions(id).stream().map(sub -> {
                Map<String, Object> view = new java.util.LinkedHashMap<>();
                view.put("instruction", sub.instructionId);
                view.put("client", sub.clientId);
                view.put("account", sub.accountId);
                view.put("lots", sub.lots);
                view.put("amount", sub.amount.toPlainString());
                view.put("state", sub.state);
                view.put("allottedLots", sub.allocatedLots);
                view.put("document", sub.documentId);
                return view;
            }).toList());
        }

        @POST
        @Path("{id}/allocation")
        public Allocation allocate(@PathParam("id") String id) {
            return new Allocation(id, offerings.allocate(id, Caller.from(request::getAttribute)));
        }
    }
}
