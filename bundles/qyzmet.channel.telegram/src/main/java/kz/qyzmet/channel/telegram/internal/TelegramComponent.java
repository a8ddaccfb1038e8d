package kz.qyzmet.channel.telegram.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.messaging.api.ChannelLinks;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.persistence.api.Persistence;
import kz.qyzmet.rest.api.Api;

/**
 * Puts the Telegram channel in place (issue 16): with a bot token, Telegram's
 * Bot API (updates by webhook, once {@code webhook_secret} is set); without one,
 * in dev and demo mode, the simulated bot; otherwise nothing — the channel is
 * then not offered and codes keep going by SMS.
 */
@Component(immediate = true, service = {}, configurationPid = "kz.qyzmet.telegram")
@Designate(ocd = TelegramConfiguration.class)
public class TelegramComponent {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramComponent.class);
    static final String MODE = "qyzmet.mode";
    static final String DATA_DIR = "qyzmet.data.dir";
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** Dynamic and greedy: a test (or an operator's time source) with a higher ranking takes over without a restart. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    /** The clock in charge now, whichever it is. */
    private final Clock live = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    };

    @Reference
    private Persistence persistence;

    @Reference
    private AuditJournal audit;

    // field references and an activate method, as in the auth bundle: the dynamic clock field is then kept current
    @Activate
    void activate(TelegramConfiguration configuration, BundleContext context) throws IOException {
        String mode = context.getProperty(MODE);
        boolean simulated = configuration.bot_token().isBlank() && ("dev".equals(mode) || "demo".equals(mode));
        if (configuration.bot_token().isBlank() && !simulated) {
            LOG.info("Telegram channel off: no bot token (setting qyzmet.telegram.bot.token)");
            return;
        }
        String dataDir = context.getProperty(DATA_DIR);
        Path keyFile = Path.of(dataDir == null ? "data" : dataDir, "telegram", "link.key");
        TelegramLinks links = new TelegramLinks(persistence.open(context.getBundle(), "telegram", TelegramMapper.class), audit,
                live, LinkCodes.fromKeyFile(keyFile), configuration);
        SimulatedTelegram simulation = simulated ? new SimulatedTelegram(live) : null;
        BotApi api = simulated ? simulation : new HttpBotApi(configuration.api_base(), configuration.bot_token());
        TelegramBot bot = new TelegramBot(links, api);

        Hashtable<String, Object> channel = new Hashtable<>();
        channel.put(MessageChannel.CHANNEL_PROPERTY, MessageChannel.TELEGRAM);
        registrations.add(context.registerService(MessageChannel.class, new TelegramChannel(api), channel));
        registrations.add(context.registerService(ChannelLinks.class, links, channel));
        if (simulated) {
            registrations.add(context.registerService(DevTelegramResource.class,
                    new DevTelegramResource(simulation, bot, configuration.bot_username()), resource("qyzmet.dev.telegram")));
            LOG.info("Telegram channel simulated ({} mode): chats at /api/v1/dev/telegram/chats", mode);
        } else if (configuration.webhook_secret().isBlank()) {
            LOG.warn("Telegram bot configured without qyzmet.telegram.webhook.secret: codes go out, link codes are not received");
        } else {
            registrations.add(context.registerService(TelegramWebhookResource.class,
                    new TelegramWebhookResource(bot, configuration.webhook_secret()), resource("qyzmet.telegram.webhook")));
        }
    }

    private static Hashtable<String, Object> resource(String name) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(JaxrsWhiteboardConstants.JAX_RS_RESOURCE, true);
        properties.put(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT, Api.APPLICATION_SELECT);
        properties.put(JaxrsWhiteboardConstants.JAX_RS_NAME, name);
        return properties;
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(registration -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping the bundle and took it already
            }
        });
        registrations.clear();
    }
}
