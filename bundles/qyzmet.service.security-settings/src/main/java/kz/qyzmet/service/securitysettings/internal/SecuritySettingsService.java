package kz.qyzmet.service.securitysettings.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.Devices;
import kz.qyzmet.auth.api.Session;
import kz.qyzmet.auth.api.VoicePasswords;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.common.api.Requests;
import kz.qyzmet.instructions.api.Outcome;
import kz.qyzmet.messaging.api.ChannelLinks;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.messaging.api.Messaging;
import kz.qyzmet.registry.api.Assurance;
import kz.qyzmet.registry.api.Category;
import kz.qyzmet.registry.api.ElectronicService;
import kz.qyzmet.servicekit.api.Confirmed;
import kz.qyzmet.servicekit.api.Draft;
import kz.qyzmet.servicekit.api.FormField;
import kz.qyzmet.servicekit.api.MaxLength;
import kz.qyzmet.servicekit.api.OneOf;
import kz.qyzmet.servicekit.api.RequestContext;
import kz.qyzmet.servicekit.api.Required;
import kz.qyzmet.servicekit.api.ServiceHandler;

/**
 * Security settings, changed by instruction (issue #16, §7.2): the voice
 * password staff ask for when the client phones, and the devices push codes go
 * to. The phrase the client types is hashed and staged in the draft, so the
 * instruction — what the client confirms with the code and what is kept for
 * ever — holds only the staged id, never the phrase; confirming puts it in force
 * at once. Revoking a device ends its app session on confirmation. Linking
 * Telegram opens a link the client completes by sending its code to the bot.
 */
@Component(service = ServiceHandler.class)
@ElectronicService(id = SecuritySettingsService.ID, category = Category.PERSONAL_ACCOUNT,
        assurance = Assurance.OPERATION_CONFIRMATION,
        title_kk = "Қауіпсіздік баптаулары", title_ru = "Настройки безопасности", title_en = "Security settings",
        description_kk = "Брокерге қоңырау шалғанда қызметкер сұрайтын дауыстық құпиясөз; құрылғыны ажырату; кодтар үшін Telegram.",
        description_ru = "Голосовой пароль, который сотрудник спросит, когда вы позвоните брокеру; отзыв устройства; Telegram для кодов.",
        description_en = "Set or change the voice password staff ask for when you phone the broker, revoke a device, link Telegram for your codes.")
public class SecuritySettingsService implements ServiceHandler<SecuritySettingsService.Request> {
    static final String ID = "security-settings";
    static final String STAGED = "voice:";

    /**
     * @param operation     what changes
     * @param voicePassword for {@code voice-password}: the new phrase as typed; stored only as the id of its staged hash
     * @param device        for {@code revoke-device}: the device (its id in the list of devices)
     */
    public record Request(
            @Required @FormField(kk = "Не өзгертеміз", ru = "Что меняем", en = "What changes") @OneOf(value = {
                    "voice-password", "revoke-device", "telegram-link", "telegram-unlink" }, labels = {
                            "Дауыстық құпиясөз|Голосовой пароль|Voice password",
                            "Құрылғыны ажырату|Отозвать устройство|Revoke a device",
                            "Telegram байланыстыру|Привязать Telegram|Link Telegram",
                            "Telegram ажырату|Отвязать Telegram|Unlink Telegram" }) String operation,
            @MaxLength(100) @FormField(kk = "Жаңа дауыстық құпиясөз", ru = "Новый голосовой пароль",
                    en = "New voice password", input = FormField.Input.SECRET) String voicePassword,
            // chosen by the revoke button beside each device on the page, never typed into the form
            @MaxLength(36) @FormField(kk = "Құрылғы", ru = "Устройство", en = "Device", input = FormField.Input.COMPUTED) String device) {

        boolean revokes() {
            return "revoke-device".equals(operation);
        }

        boolean linksTelegram() {
            return "telegram-link".equals(operation);
        }

        boolean unlinksTelegram() {
            return "telegram-unlink".equals(operation);
        }
    }

    private final VoicePasswords voice;
    private final Devices devices;
    private final Messaging messaging;

    @Activate
    public SecuritySettingsService(@Reference VoicePasswords voice, @Reference Devices devices, @Reference Messaging messaging) {
        this.voice = voice;
        this.devices = devices;
        this.messaging = messaging;
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public Draft<Request> draft(Request request, RequestContext context) {
        if (request.linksTelegram() || request.unlinksTelegram()) {
            return telegramDraft(request, context);
        }
        if (request.revokes()) {
            String id = Requests.required(request.device(), "device").strip();
            Devices.Device device = devices.of(context.clientId()).stream().filter(found -> found.id().equals(id)).findFirst()
                    .orElseThrow(() -> Requests.invalid("device", LocalizedText.of("Мұндай құрылғы жоқ.", "Такого устройства нет.",
                            "No such device.")));
            String what = device.userAgent() + " · " + device.address();
            return new Draft<>("revoke-device", null, new Request(request.operation(), null, id), LocalizedText.of(
                    "Құрылғыны ажырату: " + what, "Отзыв устройства: " + what, "Revoking a device: " + what));
        }
        String staged = Requests.required(request.voicePassword(), "voicePassword");
        if (staged.startsWith(STAGED)) {
            // the stored request checked again (or sent again): it names a phrase the client staged
            if (!voice.isStaged(context.clientId(), staged)) {
                throw Requests.invalid("voicePassword", LocalizedText.of("Дауыстық құпиясөзді қайта енгізіңіз.",
                        "Введите голосовой пароль заново.", "Enter the voice password again."));
            }
        } else {
            Session session = context.session().orElseThrow(() -> Requests.invalid("voicePassword", LocalizedText.of(
                    "Дауыстық құпиясөзді клиент өз кабинетінде орнатады.", "Голосовой пароль клиент устанавливает в своём кабинете.",
                    "The client sets the voice password in their own cabinet.")));
            staged = voice.stage(session, staged, context.caller());
        }
        boolean change = voice.setAt(context.clientId()).isPresent();
        LocalizedText summary = change
                ? LocalizedText.of("Дауыстық құпиясөзді ауыстыру (құпиясөз көрсетілмейді)",
                        "Смена голосового пароля (пароль не показывается)", "Change of the voice password (not shown)")
                : LocalizedText.of("Дауыстық құпиясөзді орнату (құпиясөз көрсетілмейді)",
                        "Установка голосового пароля (пароль не показывается)", "Setting of a voice password (not shown)");
        return new Draft<>("voice-password", null, new Request(request.operation(), staged, null), summary);
    }

    /**
     * Linking Telegram (issue 16): confirming opens a link whose code the client
     * sends to the broker's bot (shown on this service's page); unlinking ends the
     * link, and codes go by SMS again. Offered only where a Telegram channel is installed.
     */
    private Draft<Request> telegramDraft(Request request, RequestContext context) {
        ChannelLinks links = messaging.links(MessageChannel.TELEGRAM).orElseThrow(() -> Requests.invalid("operation",
                LocalizedText.of("Бұл платформада Telegram арнасы қосылмаған.", "Канал Telegram на этой платформе не подключён.",
                        "No Telegram channel is installed on this platform.")));
        Request stored = new Request(request.operation(), null, null);
        if (request.unlinksTelegram()) {
            ChannelLinks.Link link = links.linked(context.clientId()).orElseThrow(() -> Requests.invalid("operation",
                    LocalizedText.of("Telegram байланыстырылмаған.", "Telegram не привязан.", "Telegram is not linked.")));
            String chat = link.shownAs() == null ? "" : " (" + link.shownAs() + ")";
            return new Draft<>("telegram-unlink", null, stored, LocalizedText.of("Telegram ажырату" + chat,
                    "Отвязка Telegram" + chat, "Unlinking Telegram" + chat));
        }
        return new Draft<>("telegram-link", null, stored, LocalizedText.of(
                "Telegram байланыстыру: растау кодтары Telegram-ға келеді",
                "Привязка Telegram: коды подтверждения будут приходить в Telegram",
                "Linking Telegram: confirmation codes will come to Telegram"));
    }

    /** The staged phrase goes in force with the instruction's move (§45.1). */
    @Override
    public boolean executesInTransaction() {
        return true;
    }

    @Override
    public Outcome execute(Confirmed<Request> confirmed) {
        Request request = confirmed.request();
        String clientId = confirmed.instruction().clientId();
        if (request.linksTelegram() || request.unlinksTelegram()) {
            ChannelLinks links = messaging.links(MessageChannel.TELEGRAM).orElse(null);
            if (links == null) {
                return Outcome.refused(LocalizedText.of("Telegram арнасы қазір қолжетімсіз.", "Канал Telegram сейчас недоступен.",
                        "The Telegram channel is not available now."));
            }
            if (request.linksTelegram()) {
                links.open(clientId, confirmed.instruction().id(), confirmed.caller());
            } else {
                links.unlink(clientId, confirmed.caller());
            }
            return Outcome.executed(List.of());
        }
        if (request.revokes()) {
            devices.revoke(confirmed.instruction().clientId(), request.device(), confirmed.caller());
        } else {
            voice.set(confirmed.instruction().clientId(), request.voicePassword(), confirmed.caller());
        }
        return Outcome.executed(List.of());
    }
}
