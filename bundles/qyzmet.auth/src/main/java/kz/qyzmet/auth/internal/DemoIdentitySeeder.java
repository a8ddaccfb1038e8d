package kz.qyzmet.auth.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.auth.api.Role;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;

/**
 * In dev and demo mode ({@code QYZMET_MODE=dev} or {@code demo}; rules §4)
 * a newcomer can log in at once: two sample clients, owners of the ledger's
 * sample accounts {@code DEMO-0001} and {@code DEMO-0002}, and an operator,
 * all with the password {@link #PASSWORD} published in README. Production never
 * seeds: a known password there would be a hole.
 */
final class DemoIdentitySeeder {
    static final String MODE = "qyzmet.mode";
    /** Published in README; meets §41 and shares no 3-character run with the logins or names below. */
    static final String PASSWORD = "Steppe-Trial-2026";
    static final List<Identities.NewIdentity> IDENTITIES = List.of(
            new Identities.NewIdentity("aigerim", "aigerim@example.kz", "+77010000101", Role.CLIENT, "DEMO-0001",
                    "Aigerim Seitkali", Language.KK),
            new Identities.NewIdentity("nurlan", "nurlan@example.kz", "+77010000102", Role.CLIENT, "DEMO-0002",
                    "Nurlan Abenov", Language.RU),
            new Identities.NewIdentity("operator", "operator@example.kz", "+77010000100", Role.OPERATOR, null,
                    "Back office", Language.RU));
    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentitySeeder.class);

    private DemoIdentitySeeder() {
    }

    /** Seeds the sample identities in dev and demo mode; does nothing in any other. */
    static void seed(Identities identities, String mode) {
        if (!"dev".equals(mode) && !"demo".equals(mode)) {
            return;
        }
        Caller system = new Caller("system", "system", "", "", "demo-seed");
        List<String> created = new ArrayList<>();
        for (Identities.NewIdentity identity : IDENTITIES) {
            if (identities.seedDemoIdentity(identity, PASSWORD, system)) {
                created.add(identity.login());
            }
        }
        if (!created.isEmpty()) {
            LOG.info("{} mode: sample identities {} can log in with the password from README", mode, created);
        }
    }
}
