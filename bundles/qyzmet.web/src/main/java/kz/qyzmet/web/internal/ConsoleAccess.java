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

    @Activate
    public ConsoleAccess(@Reference Pages pages) {
        this.pages = pages;
    }

    PageContext operator(PageContext context) {
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
        if (session.role() != Role.OPERATOR && session.role() != Role.ADMIN) {
            throw new ProblemException(403, CommonProblems.FORBIDDEN, LocalizedText.of("Консоль тек операторларға ашық.",
                    "Консоль доступна только операторам.", "The console is for operators only."));
        }
        Map<String, String> t = pages.messages().of(context.language());
        String path = context.path().contains("?") ? context.path().substring(0, context.path().indexOf('?')) : context.path();
        return context.withMenu(List.of(item("/console", t.get("console.services"), path.equals("/console") || path.equals("/console/")),
                item("/console/queue", t.get("console.queue"), path.startsWith("/console/queue")),
                item("/console/clients", t.get("console.clients"), path.startsWith("/console/clients")),
                item("/console/identities", t.get("console.identities"), path.startsWith("/console/identities")),
                item("/console/audit", t.get("console.audit"), path.startsWith("/console/audit")),
                item("/console/platform", t.get("console.platform"), path.startsWith("/console/platform"))));
    }

    private static PageContext.MenuItem item(String href, String title, boolean current) {
        return new PageContext.MenuItem(href, title, current);
    }
}
