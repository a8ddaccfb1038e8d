package kz.qyzmet.auth.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.annotations.RequireJaxrsWhiteboard;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.auth.api.ContactChanges;
import kz.qyzmet.auth.api.Devices;
import kz.qyzmet.auth.api.OperationConfirmations;
import kz.qyzmet.messaging.api.Messaging;
import kz.qyzmet.auth.api.Sessions;
import kz.qyzmet.auth.api.VoicePasswords;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.common.api.AddressRanges;
import kz.qyzmet.rest.api.Api;
import kz.qyzmet.rest.api.RequestAuthenticator;

/**
 * Authentication as one component (rules §20–§26, §34–§44): it builds its parts
 * — one-time codes, lockouts, live sessions, logins, security sessions,
 * confirmations, passwords, identities, administrators — and publishes only
 * what other bundles may use: the {@link Sessions}, {@link OperationConfirmations},
 * {@link ContactChanges}, {@link Devices} and {@link VoicePasswords} APIs, the request authenticator, and the
 * {@code auth} and operator-identity resources. No implementation class is a
 * service of its own.
 */
@Component(immediate = true, service = {}, configurationPid = AuthComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuthConfiguration.class)
@RequireJaxrsWhiteboard
public class AuthComponent {
    static final String PID = "kz.qyzmet.auth";
    static final String DATA_DIR = "qyzmet.data.dir";
    static final String MODE = "qyzmet.mode";

    @Reference
    private Persistence persistence;

    @Reference
    private AuditJournal audit;

    /** Dynamic and greedy: a test (or an operator's time source) with a higher ranking takes over without a restart. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    private final OffPath offPath = new OffPath("qyzmet-auth-off-path");
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private volatile OneTimeCodes codes;
    private AdministratorBootstrap bootstrap;

    /** Codes leave through the message router (issue 16), which picks the gateway per channel. */
    @Reference
    private Messaging messaging;

    @Activate
    void activate(BundleContext context, AuthConfiguration config) throws IOException {
        AuthStore store = new AuthStore(persistence.open(context.getBundle(), "auth", AuthMapper.class), audit, config,
                () -> clock.instant());
        OneTimeCodes oneTimeCodes = new OneTimeCodes(store, OneTimeCodes.codeKey(config, context), messaging);
        codes = oneTimeCodes;
        Lockouts lockouts = new Lockouts(store, AddressRanges.parse(config.address_allow_list()));
        LiveSessions sessions = new LiveSessions(store);
        Identities identities = new Identities(store, oneTimeCodes, sessions);
        Administrators administrators = new Administrators(store, sessions);

        String dataDir = context.getProperty(DATA_DIR);
        bootstrap = new AdministratorBootstrap(administrators, config, Path.of(dataDir == null ? "data" : dataDir, "secrets"));
        DemoIdentitySeeder.seed(identities, context.getProperty(MODE));
        if ("dev".equals(context.getProperty(MODE)) || "demo".equals(context.getProperty(MODE))) {
            // rules §4: only the demo version lets anyone sign up
            register(context, kz.qyzmet.auth.api.DemoIdentities.class, identities::signUpDemo, new Hashtable<>());
        }

        register(context, Sessions.class, sessions, new Hashtable<>());
        register(context, OperationConfirmations.class, new Confirmations(store, oneTimeCodes, lockouts), new Hashtable<>());
        register(context, RequestAuthenticator.class, new AuthFilter(sessions), new Hashtable<>());
        register(context, Object.class, new AuthResource(store, new Logins(store, oneTimeCodes, lockouts, offPath),
                new SecuritySessions(store, oneTimeCodes, lockouts), sessions,
                new Passwords(store, oneTimeCodes, lockouts, sessions, offPath), identities), resource("qyzmet.auth"));
        register(context, Object.class, new OperatorIdentitiesResource(identities), resource("qyzmet.operator-identities"));
        Contacts contacts = new Contacts(store, oneTimeCodes);
        register(context, ContactChanges.class, contacts, new Hashtable<>());
        register(context, Object.class, new ContactProofsResource(contacts), resource("qyzmet.contact-proofs"));
        register(context, Devices.class, new AppDevices(store, sessions), new Hashtable<>());
        register(context, kz.qyzmet.auth.api.ClientContacts.class, new IdentityContacts(store), new Hashtable<>());
        VoicePhrases voice = new VoicePhrases(store);
        register(context, VoicePasswords.class, voice, new Hashtable<>());
        register(context, Object.class, new VoicePasswordResource(voice), resource("qyzmet.voice-password"));
    }

    /** A resource of the platform's {@code /api/v1} application (what {@code @ApiResource} says for a component). */
    private static Dictionary<String, Object> resource(String name) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jaxrs.resource", Boolean.TRUE);
        properties.put("osgi.jaxrs.application.select", Api.APPLICATION_SELECT);
        properties.put("osgi.jaxrs.name", name);
        return properties;
    }

    private <T> void register(BundleContext context, Class<T> type, T service, Dictionary<String, Object> properties) {
        registrations.add(context.registerService(type, service, properties));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework took it away already
            }
        }
        registrations.clear();
        if (bootstrap != null) {
            bootstrap.close();
        }
        offPath.close();
        codes = null;
    }
}
