package kz.qyzmet.service.demo.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Migrations;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.rest.api.ApiResource;
import kz.qyzmet.common.api.Language;

/**
 * A complete, minimal add-on service as a product team would ship it: one
 * bundle with its {@code @ElectronicService} declaration, its REST resource
 * under {@code /api/v1/services/demo-offices}, and its own table and migration.
 */
@Header(name = Migrations.SCHEMA_HEADER, value = OfficesResource.SCHEMA)
@Component(service = OfficesResource.class)
@ApiResource
@ElectronicService(id = OfficesResource.ID, category = Category.ADDITIONAL, assurance = Assurance.PUBLIC,
        title_kk = "Брокер кеңселері", title_ru = "Офисы брокера", title_en = "Broker offices",
        description_kk = "Кеңселердің мекенжайлары, телефондары және жұмыс уақыты.",
        description_ru = "Адреса, телефоны и часы работы офисов.",
        description_en = "Addresses, phone numbers and opening hours of the offices.")
@Path("services/" + OfficesResource.ID)
@Produces(MediaType.APPLICATION_JSON)
public class OfficesResource {
    static final String ID = "demo-offices";
    /** Migrated when the bundle starts, before this component is activated (the manifest header above). */
    static final String SCHEMA = "demo_offices";

    private final Database database;

    @Activate
    public OfficesResource(@Reference Persistence persistence, BundleContext context) {
        this.database = persistence.open(context.getBundle(), SCHEMA, OfficeMapper.class);
    }

    @GET
    @Path("offices")
    public Map<String, Object> offices(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return Map.of("offices", offices(Language.fromAcceptLanguage(acceptLanguage)));
    }

    /** Every office, as shown in {@code language} (the API's answer and the cabinet page's). */
    List<Map<String, Object>> offices(Language language) {
        List<Office> offices = database.read(session -> session.getMapper(OfficeMapper.class).all());
        return offices.stream().map(office -> view(office, language)).toList();
    }

    private static Map<String, Object> view(Office office, Language language) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", office.code());
        view.put("city", switch (language) {
            case KK -> office.cityKk();
            case RU -> office.cityRu();
            case EN -> office.cityEn();
        });
        view.put("address", office.address());
        view.put("phone", office.phone());
        view.put("hours", office.opensAt() + "–" + office.closesAt());
        return view;
    }
}
