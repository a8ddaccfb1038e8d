package kz.qyzmet.messaging.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Constants;

/**
 * Services registered for named channels, and the one in charge of each: the
 * highest {@code service.ranking}, then the lowest {@code service.id} (the OSGi
 * order), so which gateway serves a channel never depends on arrival order.
 *
 * @param <S> the service type
 */
final class Gateways<S> {
    private record Registration<S>(S service, List<String> channels, int ranking, long serviceId) {
    }

    private final String channelProperty;
    private final Map<S, Registration<S>> registrations = new ConcurrentHashMap<>();

    Gateways(String channelProperty) {
        this.channelProperty = channelProperty;
    }

    void add(S service, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        registrations.put(service, new Registration<>(service, names(properties.get(channelProperty)),
                ranking instanceof Integer value ? value : 0, id instanceof Long value ? value : Long.MAX_VALUE));
    }

    void remove(S service) {
        registrations.remove(service);
    }

    /** The gateway in charge of the channel, with its ranking. */
    Optional<Ranked<S>> serving(String channel) {
        return registrations.values().stream().filter(registration -> registration.channels().contains(channel))
                .max(Comparator.<Registration<S>>comparingInt(Registration::ranking)
                        .thenComparing(Registration::serviceId, Comparator.reverseOrder()))
                .map(registration -> new Ranked<>(registration.service(), registration.ranking(), registration.serviceId()));
    }

    Collection<S> all() {
        return registrations.keySet();
    }

    record Ranked<S>(S service, int ranking, long serviceId) {
        boolean outranks(Ranked<?> other) {
            return ranking > other.ranking || ranking == other.ranking && serviceId < other.serviceId;
        }
    }

    static List<String> names(Object names) {
        if (names instanceof String[] array) {
            return List.of(array);
        }
        if (names instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return names == null ? List.of() : List.of(String.valueOf(names));
    }
}
