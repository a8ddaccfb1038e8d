package kz.qyzmet.service.securitysettings.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.Devices;
import kz.qyzmet.auth.api.VoicePasswords;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.messaging.api.Messaging;
import kz.qyzmet.web.api.CabinetPage;
import kz.qyzmet.web.api.PageRequest;

/**
 * The service's page in the cabinet: the devices push codes go to, each with
 * its revocation (a request confirmed with the code), whether a voice password
 * is set, Telegram's link (or the code still to send to the bot), and the
 * kit's form and confirmation dialog to set or change them.
 */
@Component(service = CabinetPage.class, property = CabinetPage.SERVICE_PROPERTY + "=" + SecuritySettingsService.ID)
public class SecuritySettingsPage implements CabinetPage {
    private final Devices devices;
    private final VoicePasswords voice;
    private final Messaging messaging;

    @Activate
    public SecuritySettingsPage(@Reference Devices devices, @Reference VoicePasswords voice, @Reference Messaging messaging) {
        this.devices = devices;
        this.voice = voice;
        this.messaging = messaging;
    }

    @Override
    public String template() {
        return "pages/security-settings.ftlh";
    }

    @Override
    public Map<String, Object> model(PageRequest request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("devices", devices.of(request.clientId()));
        model.put("voiceSetAt", voice.setAt(request.clientId()).orElse(null));
        messaging.links(MessageChannel.TELEGRAM).ifPresent(telegram -> {
            // issue 16: the link in force, or the code the client has yet to send to the bot
            model.put("telegram", true);
            telegram.linked(request.clientId()).ifPresent(link -> model.put("telegramLink", link));
            telegram.pending(request.clientId()).ifPresent(code -> model.put("telegramCode", code));
        });
        model.put("words", WORDS.get(request.language()));
        return model;
    }

    private static final Map<Language, Map<String, String>> WORDS = Map.of(
            Language.KK, words("devices", "Құрылғылар (push-кодтар)", "none", "Қосылған құрылғы жоқ.", "signedIn", "кірген",
                    "seen", "соңғы рет", "revoke", "Ажырату", "voice", "Дауыстық құпиясөз", "voiceSet", "орнатылған",
                    "voiceNone", "орнатылмаған", "telegram", "Telegram", "linked", "байланыстырылған", "notLinked",
                    "байланыстырылмаған: кодтар SMS арқылы келеді", "link", "Telegram байланыстыру", "unlink", "Ажырату",
                    "sendCode", "Осы кодты ботқа жіберіңіз", "orOpen", "немесе сілтемені ашыңыз", "until", "дейін жарамды"),
            Language.RU, words("devices", "Устройства (push-коды)", "none", "Подключённых устройств нет.", "signedIn", "вход",
                    "seen", "последний раз", "revoke", "Отозвать", "voice", "Голосовой пароль", "voiceSet", "установлен",
                    "voiceNone", "не установлен", "telegram", "Telegram", "linked", "привязан", "notLinked",
                    "не привязан: коды приходят по SMS", "link", "Привязать Telegram", "unlink", "Отвязать",
                    "sendCode", "Отправьте этот код боту", "orOpen", "или откройте ссылку", "until", "действует до"),
            Language.EN, words("devices", "Devices (push codes)", "none", "No devices are signed in.", "signedIn", "signed in",
                    "seen", "last seen", "revoke", "Revoke", "voice", "Voice password", "voiceSet", "set",
                    "voiceNone", "not set", "telegram", "Telegram", "linked", "linked", "notLinked",
                    "not linked: codes come by SMS", "link", "Link Telegram", "unlink", "Unlink",
                    "sendCode", "Send this code to the bot", "orOpen", "or open the link", "until", "valid until"));

    private static Map<String, String> words(String... keysAndWords) {
        Map<String, String> words = new LinkedHashMap<>();
        for (int i = 0; i < keysAndWords.length; i += 2) {
            words.put(keysAndWords[i], keysAndWords[i + 1]);
        }
        return Map.copyOf(words);
    }
}
