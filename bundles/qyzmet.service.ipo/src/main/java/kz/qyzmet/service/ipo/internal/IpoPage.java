package kz.qyzmet.service.ipo.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.documents.api.Formats;
import kz.qyzmet.web.api.CabinetPage;
import kz.qyzmet.web.api.PageRequest;

/**
 * The IPO service's page in the cabinet (issue #17): the offerings open now, with
 * their terms and the id the subscription names, then the kit's form and its
 * confirmation dialog; cancelling a subscription is the core's cancellation,
 * from the instruction's page.
 */
@Component(service = CabinetPage.class, property = CabinetPage.SERVICE_PROPERTY + "=" + IpoService.ID)
public class IpoPage implements CabinetPage {
    private final Offerings offerings;

    @Activate
    public IpoPage(@Reference Offerings offerings) {
        this.offerings = offerings;
    }

    /** An open offering as the page shows it. */
    public record Open(String id, String issuer, String isin, String price, int lotSize, long minLots, long maxLots,
            Instant closesAt) {
    }

    @Override
    public String template() {
        return "pages/ipo.ftlh";
    }

    @Override
    public Map<String, Object> model(PageRequest request) {
        Instant now = offerings.now();
        List<Open> open = offerings.list(200).stream().filter(row -> "OPEN".equals(row.state)
                && !now.isBefore(Offerings.instant(row.opensAt)) && now.isBefore(Offerings.instant(row.closesAt)))
                .map(row -> new Open(row.id, row.issuer, row.isin, Formats.amount(row.offerPrice, 2, request.language()) + " "
                        + row.currency, row.lotSize, row.minLots, row.maxLots, Offerings.instant(row.closesAt))).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("open", open);
        model.put("words", WORDS.get(request.language()));
        return model;
    }

    private static final Map<Language, Map<String, String>> WORDS = Map.of(
            Language.KK, Map.of("open", "Ашық орналастырулар", "none", "Қазір ашық орналастыру жоқ.", "price", "Баға",
                    "lot", "Лот", "lots", "Лоттар", "closes", "Жазылу аяқталады", "id", "Орналастыру нөмірі"),
            Language.RU, Map.of("open", "Открытые размещения", "none", "Сейчас открытых размещений нет.", "price", "Цена",
                    "lot", "Лот", "lots", "Лотов", "closes", "Подписка до", "id", "Номер размещения"),
            Language.EN, Map.of("open", "Open offerings", "none", "No offering is open now.", "price", "Price", "lot", "Lot",
                    "lots", "Lots", "closes", "Subscriptions until", "id", "Offering number"));
}
