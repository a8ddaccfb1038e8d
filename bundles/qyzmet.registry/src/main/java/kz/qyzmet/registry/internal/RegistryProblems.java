package kz.qyzmet.registry.internal;

import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.ProblemType;

/** Problem types of the registry. */
final class RegistryProblems {
    /** One problem for every state in which a service cannot be used (disabled, maintenance, failed); {@code state} says which. */
    static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable", LocalizedText.of(
            "Қызмет қолжетімсіз", "Сервис недоступен", "Service unavailable"));
    static final ProblemType UNKNOWN_SERVICE = new ProblemType("unknown-service", LocalizedText.of(
            "Мұндай қызмет жоқ", "Такого сервиса нет", "No such service"));

    private RegistryProblems() {
    }
}
