#set( $symbol_pound = '#' )
package ${package}.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.persistence.api.Database;
import kz.qyzmet.persistence.api.Migrations;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * The electronic service "${serviceId}" on the service kit. The platform serves
 * its endpoints under /api/v1/services/${serviceId}/requests (create, read, list,
 * confirm with the code, cancel), enforces its assurance on every path, and
 * lists it in the catalog.
 */
@Header(name = Migrations.SCHEMA_HEADER, value = ${serviceName}Service.SCHEMA)
@Component(service = ServiceHandler.class)
@ElectronicService(id = ${serviceName}Service.ID, category = Category.ADDITIONAL,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "${serviceName} (kk)", title_ru = "${serviceName} (ru)", title_en = "${serviceName}",
        description_kk = "${serviceId} қызметі.", description_ru = "Сервис ${serviceId}.",
        description_en = "The ${serviceId} service.")
public class ${serviceName}Service implements ServiceHandler<${serviceName}Service.Request> {
    static final String ID = "${serviceId}";
    /** Migrated when the bundle starts, before this component is activated. */
    static final String SCHEMA = "${schema}";

    /**
     * What the client sends: {"text": "…"}.
     *
     * @param text what the request is about, at most 200 characters
     */
    public record Request(@Required @MaxLength(200) String text) {
    }

    /** The service's own table. */
    public interface DoneMapper {
        @Insert("INSERT INTO ${schema}_done (instruction_id, client_id, text, done_at)"
                + " VALUES (${symbol_pound}{id}, ${symbol_pound}{client}, ${symbol_pound}{text}, ${symbol_pound}{at})")
        void insert(@Param("id") String instructionId, @Param("client") String clientId, @Param("text") String text,
                @Param("at") LocalDateTime at);
    }

    private final Database database;

    @Activate
    public ${serviceName}Service(@Reference Persistence persistence, BundleContext context) {
        this(persistence.open(context.getBundle(), SCHEMA, DoneMapper.class));
    }

    /** With a database of the test's choosing (none, for the checks of a draft). */
    ${serviceName}Service(Database database) {
        this.database = database;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    /** Checks and completes the request; what it returns is stored and confirmed (§25.2). Nothing is written yet. */
    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        String text = request.text().strip();
        if (text.equalsIgnoreCase("no")) {
            throw Requests.invalid("text", LocalizedText.of("«no» қабылданбайды.", "«no» не принимается.",
                    "\"no\" is not accepted."));
        }
        return new Draft<>(ID, null, new Request(text), LocalizedText.of(ID + ": " + text, ID + ": " + text,
                ID + ": " + text));
    }

    /** Carries out what the client confirmed with the code: here, records it in the service's own table. */
    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        database.inTransaction(session -> {
            session.getMapper(DoneMapper.class).insert(confirmed.instruction().id(), confirmed.instruction().clientId(),
                    confirmed.request().text(), LocalDateTime.now(ZoneOffset.UTC));
            return null;
        });
        return Outcome.executed(List.of());
    }
}
