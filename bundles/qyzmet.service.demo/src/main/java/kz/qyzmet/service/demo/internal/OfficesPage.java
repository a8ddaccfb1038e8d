package kz.qyzmet.service.demo.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.web.api.CabinetPage;
import kz.qyzmet.web.api.PageRequest;

/**
 * The service's own page in the personal cabinet (issue #14): the offices as a
 * table in the client's language, from the service's own table. It comes and
 * goes with this bundle.
 */
@Component(service = CabinetPage.class, property = CabinetPage.SERVICE_PROPERTY + "=" + OfficesResource.ID)
public class OfficesPage implements CabinetPage {
    private final OfficesResource offices;

    @Activate
    public OfficesPage(@Reference OfficesResource offices) {
        this.offices = offices;
    }

    @Override
    public String template() {
        return "pages/offices.ftlh";
    }

    @Override
    public Map<String, Object> model(PageRequest request) {
        return Map.of("offices", offices.offices(request.language()),
                "heading", switch (request.language()) {
                case KK -> List.of("Қала", "Мекенжайы", "Телефон", "Жұмыс уақыты");
                case RU -> List.of("Город", "Адрес", "Телефон", "Часы работы");
                case EN -> List.of("City", "Address", "Phone", "Opening hours");
                });
    }
}
