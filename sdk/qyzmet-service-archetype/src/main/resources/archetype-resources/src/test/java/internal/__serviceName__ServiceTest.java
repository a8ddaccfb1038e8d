package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kz.qyzmet.auth.api.Session;
import kz.qyzmet.common.api.Caller;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.ProblemException;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.RequestContext;

class ${serviceName}ServiceTest {
    private static final RequestContext CLIENT = new RequestContext() {
        public String clientId() {
            return "C-1";
        }

        public Optional<Session> session() {
            return Optional.empty();
        }

        public Caller caller() {
            return new Caller("client", "client", "", "", "test");
        }

        public Language language() {
            return Language.EN;
        }

        public Instant now() {
            return Instant.parse("2026-12-01T10:00:00Z");
        }

        public Language documentLanguage(String field, String requested) {
            return Language.EN;
        }
    };

    @Test
    void theDraftIsTheCompletedRequestTheClientConfirms() {
        Draft<${serviceName}Service.Request> draft = new ${serviceName}Service((kz.qyzmet.persistence.api.Database) null)
                .draft(new ${serviceName}Service.Request("  hello  "), CLIENT);
        assertEquals("hello", draft.request().text());
        assertEquals("${serviceId}: hello", draft.summary().en());
    }

    @Test
    void aRequestTheServiceCannotTakeIsRefusedNamingTheField() {
        ProblemException refused = assertThrows(ProblemException.class, () -> new ${serviceName}Service(
                (kz.qyzmet.persistence.api.Database) null).draft(new ${serviceName}Service.Request("no"), CLIENT));
        assertEquals(400, refused.status());
    }
}
