package kz.qyzmet.web.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.RedirectionException;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.SessionStage;
import kz.qyzmet.documents.api.Documents;
import kz.qyzmet.documents.api.StoredDocument;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.ledger.api.Asset;
import kz.qyzmet.ledger.api.AssetKind;
import kz.qyzmet.ledger.api.Balance;
import kz.qyzmet.ledger.api.Ledger;
import kz.qyzmet.registry.api.RegisteredService;
import kz.qyzmet.registry.api.ServiceRegistry;

/**
 * The personal cabinet's pages for a signed-in client (rules §3, §5): home with
 * the accounts and the catalog, every service's page, the instructions and the
 * documents. Everything a client changes goes through the API from the page
 * (one path for every change, with its checks, confirmation and journal); the
 * pages only read. A visitor who is not signed in is sent to the sign-in page, a
 * session that still owes its second factor or a new password to the page that
 * asks for it, staff to the console.
 */
@Component(service = CabinetPages.class)
@WebResource
@Path("cabinet")
@Produces(Pages.HTML)
public class CabinetPages extends PageResource {
    private final Pages pages;
    private final CabinetMenu menu;
    private final ServiceRegistry registry;
    private final Ledger ledger;
    private final Instructions instructions;
    private final Documents documents;
    private final KitForms forms;
    private final ServicePages servicePages;

    @Activate
    public CabinetPages(@Reference Pages pages, @Reference CabinetMenu menu, @Reference ServiceRegistry registry,
            @Reference Ledger ledger, @Reference Instructions instructions, @Reference Documents documents,
            @Reference KitForms forms, @Reference ServicePages servicePages) {
        this.servicePages = servicePages;
        this.pages = pages;
        this.menu = menu;
        this.registry = registry;
        this.ledger = ledger;
        this.instructions = instructions;
        this.documents = documents;
        this.forms = forms;
    }

    /** A line of the balances table: an asset and its sub-accounts (available, held, blocked). */
    public record Holding(String code, String name, String available, String held, String blocked, String total) {
    }

    /** A service as the home page lists it. */
    public record CatalogEntry(String id, String title, String description, String state, String reason, String href) {
    }

    @GET
    public Response home() {
        PageContext context = client();
        Session session = context.session();
        List<Holding> money = new ArrayList<>();
        List<Holding> securities = new ArrayList<>();
        for (Balance balance : ledger.balances(session.clientId())) {
            Asset asset = ledger.asset(balance.asset()).orElse(new Asset(balance.asset(), AssetKind.CURRENCY, 2, balance.asset()));
            Holding holding = new Holding(asset.code(), asset.nameIn(context.language()),
                    context.amount(balance.available(), asset.scale()), context.amount(balance.held(), asset.scale()),
                    context.amount(balance.blocked(), asset.scale()), context.amount(balance.total(), asset.scale()));
            (asset.kind() == AssetKind.CURRENCY ? money : securities).add(holding);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("account", session.clientId());
        // a closed account shows as closed (issue #16): it takes no operation any more
        ledger.closedAt(session.clientId()).ifPresent(closed -> model.put("closedAt", context.time(closed)));
        model.put("money", money);
        model.put("securities", securities);
        model.put("catalog", catalog(context));
        return pages.page("cabinet/home", context, model);
    }

    @GET
    @Path("services/{id}")
    public Response service(@PathParam("id") String id) {
        PageContext context = client();
        RegisteredService service = registry.find(id).orElseThrow(javax.ws.rs.NotFoundException::new);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("service", entry(service, context));
        model.put("fields", forms.form(id, context.language()).orElse(List.of()));
        model.put("onKit", forms.form(id, context.language()).isPresent());
        // a page of the service's own (issue #14) takes the place of the derived form
        servicePages.of(id).ifPresent(own -> {
            model.put("ownPage", ServicePages.templateName(id, own));
            java.util.Map<String, String> query = new java.util.HashMap<>();
            uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
            model.put("model", own.model(new kz.qyzmet.web.api.PageRequest(context.language(), context.session().clientId(),
                    context.session().isSecurity(), query)));
        });
        model.put("requests", instructions.ofClient(context.session().clientId(), id, 20).stream()
                .map(instruction -> InstructionViews.line(instruction, context, pages.messages().of(context.language())))
                .toList());
        return pages.page("cabinet/service", context, model);
    }

    @GET
    @Path("instructions")
    public Response instructionList() {
        PageContext context = client();
        Map<String, String> t = pages.messages().of(context.language());
        return pages.page("cabinet/instructions", context, Map.of("instructions",
                instructions.ofClient(context.session().clientId(), 100).stream()
                        .map(instruction -> InstructionViews.line(instruction, context, t)).toList()));
    }

    @GET
    @Path("instructions/{id}")
    public Response instruction(@PathParam("id") String id) {
        PageContext context = client();
        Instruction instruction = instructions.ofClient(context.session().clientId(), id)
                .orElseThrow(javax.ws.rs.NotFoundException::new);
        Map<String, String> t = pages.messages().of(context.language());
        List<StoredDocument> produced = instruction.resultDocumentIds().stream().map(documents::find).flatMap(Optional::stream)
                .toList();
        Map<String, String> labels = new java.util.HashMap<>();
        forms.form(instruction.serviceId(), context.language())
                .ifPresent(fields -> fields.forEach(field -> labels.put(field.name(), field.label())));
        return pages.page("cabinet/instruction", context, Map.of("instruction",
                InstructionViews.detail(instruction, context, t, produced, labels), "history",
                InstructionViews.history(instructions.history(instruction.id()), instruction, context, t)));
    }

    @GET
    @Path("documents")
    public Response documentList() {
        PageContext context = client();
        List<StoredDocument> mine = documents.ofClient(context.session().clientId(), 100);
        Map<String, String> links = documents.verificationUrls(mine.stream().map(StoredDocument::id).toList());
        return pages.page("cabinet/documents", context, Map.of("documents", mine.stream()
                .sorted(Comparator.comparing(StoredDocument::issuedAt).reversed())
                .map(document -> InstructionViews.document(document, links.get(document.id()), context)).toList()));
    }

    @GET
    @Path("suspend")
    public Response suspend() {
        return pages.page("cabinet/suspend", client(), Map.of());
    }

    /** Any other address under /cabinet: the cabinet's own "not found" page, not the runtime's. */
    @GET
    @Path("{unknown: .+}")
    @Produces(javax.ws.rs.core.MediaType.WILDCARD) // "not found" whatever the caller accepts
    public Response unknown() {
        client();
        throw new javax.ws.rs.NotFoundException();
    }

    private List<CatalogEntry> catalog(PageContext context) {
        return registry.services().stream().sorted(Comparator.comparing(service -> service.descriptor().id()))
                .map(service -> entry(service, context)).toList();
    }

    private CatalogEntry entry(RegisteredService service, PageContext context) {
        return new CatalogEntry(service.descriptor().id(), context.text(service.descriptor().title()),
                context.text(service.descriptor().description()), service.status().state().name(),
                service.status().reason() == null ? null : context.text(service.status().reason()),
                "/cabinet/services/" + service.descriptor().id());
    }

    /** The page context of a signed-in client, or the redirect that leads the visitor where they must go first. */
    private PageContext client() {
        PageContext context = context("cabinet");
        Session session = context.session();
        if (session == null) {
            throw redirect("/cabinet/login");
        }
        if (session.stage() == SessionStage.SECOND_FACTOR) {
            throw redirect("/cabinet/second-factor");
        }
        if (session.passwordChangeRequired()) {
            throw redirect("/cabinet/password");
        }
        if (session.clientId() == null) {
            throw redirect("/console");
        }
        return context.withMenu(menu.items(context, pages.messages().of(context.language())));
    }

    static RedirectionException redirect(String path) {
        return new RedirectionException(Response.seeOther(URI.create(path)).build());
    }
}
