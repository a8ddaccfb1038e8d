package kz.qyzmet.config.internal;

import java.time.Clock;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The platform's time: a UTC {@link Clock} service. Components take the clock
 * from the registry, so tests can register a movable clock with a higher
 * service ranking instead of sleeping.
 */
@Component(immediate = true)
public class SystemClock {
    private final ServiceRegistration<Clock> registration;

    @Activate
    public SystemClock(BundleContext context) {
        this.registration = context.registerService(Clock.class, Clock.systemUTC(), null);
    }

    @Deactivate
    void unregister() {
        registration.unregister();
    }
}
