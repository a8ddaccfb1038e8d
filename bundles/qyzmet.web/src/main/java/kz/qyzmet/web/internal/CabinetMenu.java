package kz.qyzmet.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.registry.api.ServiceRegistry;

/**
 * The cabinet's menu: home, a line per installed service (deploying a service
 * adds its entry, removing it removes it: the registry is asked at every page),
 * the instructions, the documents, and suspending one's services.
 */
@Component(service = CabinetMenu.class)
public class CabinetMenu {
    private final ServiceRegistry registry;

    @Activate
    public CabinetMenu(@Reference ServiceRegistry registry) {
        this.registry = registry;
    }

    List<PageContext.MenuItem> items(PageContext context, Map<String, String> t) {
        List<PageContext.MenuItem> items = new ArrayList<>();
        items.add(item(context, "/cabinet", t.get("menu.home")));
        registry.services().stream().sorted(Comparator.comparing(service -> service.descriptor().id()))
                .forEach(service -> items.add(item(context, "/cabinet/services/" + service.descriptor().id(),
                        context.text(service.descriptor().title()))));
        items.add(item(context, "/cabinet/instructions", t.get("menu.instructions")));
        items.add(item(context, "/cabinet/documents", t.get("menu.documents")));
        items.add(item(context, "/cabinet/security", t.get("menu.security")));
        items.add(item(context, "/cabinet/suspend", t.get("menu.suspend")));
        return items;
    }

    private static PageContext.MenuItem item(PageContext context, String href, String title) {
        String path = context.path().contains("?") ? context.path().substring(0, context.path().indexOf('?')) : context.path();
        boolean current = href.equals("/cabinet") ? path.equals("/cabinet") || path.equals("/cabinet/")
                : path.equals(href) || path.startsWith(href + "/");
        return new PageContext.MenuItem(href, title, current);
    }
}
