package kz.qyzmet.registry.internal;

import kz.qyzmet.rest.api.LocalizedText;
import kz.qyzmet.rest.api.ProblemType;

/** Problem types of the registry. */
final class RegistryProblems {
    static final ProblemType SERVICE_DISABLED = new ProblemType("service-disabled", LocalizedText.of(
            "Қызмет өшірілген", "Сервис отключён", "Service disabled"));
    static final ProblemType SERVICE_MAINTENANCE = new ProblemType("service-maintenance", LocalizedText.of(
            "Қызметте техникалық жұмыстар жүргізілуде", "Сервис на техническом обслуживании", "Service under maintenance"));
    static final ProblemType UNKNOWN_SERVICE = new ProblemType("unknown-service", LocalizedText.of(
            "Мұндай қызмет жоқ", "Такого сервиса нет", "No such service"));

    private RegistryProblems() {
    }
}
