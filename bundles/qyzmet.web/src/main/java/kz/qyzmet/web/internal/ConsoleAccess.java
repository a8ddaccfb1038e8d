package kz.qyzmet.web.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.Role;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.SessionStage;
import kz.qyzmet.common.api.CommonProblems;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemException;

/**
 * Who may see the console: operators and administrators after their second
 * factor; anyone else is led where they belong (the sign-in, the code, a new
 * password, the cabinet). Also the console's menu.
 */
@Component(service = ConsoleAccess.class)
public class ConsoleAccess {
    private final Pages pages;
    private final ServicePages bundlePages;

    @Activate
    public ConsoleAccess(@Reference Pages pages, @Reference ServicePages bundlePages) {
        this.pages = pages;
        this.bundlePages = bundlePages;
    }

    /** Operators and administrators: every console page. */
    PageContext operator(PageContext context) {
        return staff(context, false);
    }

    /**
     * Whoever prepares instructions at a client's request (§35.3): managers too,
     * whose console is only the services and their prepare forms.
     */
    PageContext preparer(PageContext context) {
        return staff(context, true);
    }

    static boolean isManager(PageContext context) {
        return context.session() != null && context.session().role() == Role.MANAGER;
    }

    private PageContext staff(PageContext context, boolean managersToo) {
        Session session = context.session();
        if (session == null) {
            throw CabinetPages.redirect("/console/login");
        }
        if (session.stage() == SessionStage.SECOND_FACTOR) {
            throw CabinetPages.redirect("/console/second-factor");
        }
        if (session.passwordChangeRequired()) {
            throw CabinetPages.redirect("/console/password");
        }
        if (session.clientId() != null) {
            throw CabinetPages.redirect("/cabinet");
        }
        boolean manager = session.role() == Role.MANAGER;
        if (!(session.role() == Role.OPERATOR || session.role() == Role.ADMIN || manager && managersToo)) {
            throw new ProblemException(403, CommonProblems.FORBIDDEN, manager ? LocalizedText.of(
                    "Менеджер консольде тек клиенттің өтініші бойынша тапсырма дайындайды.",
                    "Менеджер в консоли только готовит поручения по просьбе клиента.",
                    "In the console a manager only prepares instructions at a client's request.")
                    : LocalizedText.of("Консоль тек қызметкерлерге ашық.", "Консоль доступна только сотрудникам.",
                            "The console is for staff only."));
        }
        Map<String, String> t = pages.messages().of(context.language());
        String path = context.path().contains("?") ? context.path().substring(0, context.path().indexOf('?')) : context.path();
        if (manager) {
            return context.withMenu(List.of(item("/console", t.get("console.services"), true)));
        }
        List<PageContext.MenuItem> menu = new java.util.ArrayList<>(List.of(item("/console", t.get("console.services"),
                path.equals("/console") || path.equals("/console/")),
                item("/console/queue", t.get("console.queue"), path.startsWith("/console/queue")),
                item("/console/clients", t.get("console.clients"), path.startsWith("/console/clients"))));
        // the pages bundles brought (withdrawals, source of funds…), between the queue's work and the platform's
        bundlePages.consolePages().forEach(page -> {
            String href = ConsoleBundlePages.PATH + page.getKey();
            menu.add(item(href, page.getValue().title().in(context.language()), path.equals(href)));
        });
        menu.addAll(List.of(item("/console/identities", t.get("console.identities"), path.startsWith("/console/identities")),
                item("/console/audit", t.get("console.audit"), path.startsWith("/console/audit")),
                item("/console/platform", t.get("console.platform"), path.startsWith("/console/platform"))));
        return context.withMenu(List.copyOf(menu));
    }

    private static PageContext.MenuItem item(String href, String title, boolean current) {
        return new PageContext.MenuItem(href, title, current);
    }
}
