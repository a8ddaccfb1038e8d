package kz.qyzmet.channel.telegram.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code kz.qyzmet.telegram}; settings {@code qyzmet.telegram.<name>}. The bot
 * token and the webhook secret are secrets: set them in the data directory's
 * {@code qyzmet.properties} or the environment, never in the repository.
 */
@ObjectClassDefinition(name = "Qyzmet Telegram channel")
public @interface TelegramConfiguration {
    @AttributeDefinition(description = "The bot's user name, without @")
    String bot_username() default "QyzmetBrokerBot";

    @AttributeDefinition(description = "The Bot API token from @BotFather; empty: no real bot (dev and demo simulate one)")
    String bot_token() default "";

    @AttributeDefinition(description = "The secret Telegram sends with every webhook call (setWebhook secret_token)")
    String webhook_secret() default "";

    @AttributeDefinition(description = "The Bot API's address")
    String api_base() default "https://api.telegram.org";

    @AttributeDefinition(description = "Minutes a link code binds after the instruction is confirmed")
    int link_minutes() default 15;

    @AttributeDefinition(description = "Wrong codes a chat may send per hour before the bot stops checking them")
    int refusals_per_hour() default 5;
}
