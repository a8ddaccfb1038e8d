package kz.qyzmet.web.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.documents.api.Formats;

/**
 * What every page knows about its request: the language, where it is, who is
 * signed in (null: nobody), the menu, and the formats of the language (numbers,
 * dates and times in Almaty time). Public so that templates can read it.
 *
 * @param area    {@code cabinet}, {@code console} or {@code public}
 * @param path    the page's own path, for the language links and the menu's current entry
 * @param devMode dev or demo mode: the "app" page for trying the security session exists
 */
public record PageContext(Language language, String area, String path, Session session, List<MenuItem> menu,
        boolean devMode) {

    /** An entry of the menu: where it leads and its title in the page's language. */
    public record MenuItem(String href, String title, boolean current) {
    }

    /** A link that shows the same page in another language. */
    public record LanguageLink(String tag, String name, String href, boolean current) {
    }

    public String lang() {
        return language.tag();
    }

    public boolean signedIn() {
        return session != null;
    }

    public List<LanguageLink> languages() {
        return List.of(link(Language.KK, "Қазақша"), link(Language.RU, "Русский"), link(Language.EN, "English"));
    }

    private LanguageLink link(Language other, String name) {
        return new LanguageLink(other.tag(), name, path + (path.contains("?") ? "&" : "?") + PageLanguage.PARAMETER + "="
                + other.tag(), other == language);
    }

    /** An amount with the digit groups and decimal separator of the language (no-break spaces: never split). */
    public String amount(BigDecimal value, int scale) {
        return Formats.amount(value, scale, language);
    }

    /** A moment in Almaty time, to the second. */
    public String time(Instant at) {
        return at == null ? "—" : Formats.dateTimeWithSeconds(at);
    }

    public String text(LocalizedText text) {
        return text == null ? "" : text.in(language);
    }

    PageContext withMenu(List<MenuItem> items) {
        return new PageContext(language, area, path, session, items, devMode);
    }
}
