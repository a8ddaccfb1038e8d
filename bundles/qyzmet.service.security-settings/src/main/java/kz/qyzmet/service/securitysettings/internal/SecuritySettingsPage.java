package kz.qyzmet.service.securitysettings.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.auth.api.Devices;
import kz.qyzmet.auth.api.VoicePasswords;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.web.api.CabinetPage;
import kz.qyzmet.web.api.PageRequest;

/**
 * The service's page in the cabinet: the devices push codes go to, each with
 * its revocation (a request confirmed with the code), whether a voice password
 * is set, and the kit's form and confirmation dialog to set or change it.
 */
@Component(service = CabinetPage.class, property = CabinetPage.SERVICE_PROPERTY + "=" + SecuritySettingsService.ID)
public class SecuritySettingsPage implements CabinetPage {
    private final Devices devices;
    private final VoicePasswords voice;

    @Activate
    public SecuritySettingsPage(@Reference Devices devices, @Reference VoicePasswords voice) {
        this.devices = devices;
        this.voice = voice;
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
        model.put("words", WORDS.get(request.language()));
        return model;
    }

    private static final Map<Language, Map<String, String>> WORDS = Map.of(
            Language.KK, Map.of("devices", "Құрылғылар (push-кодтар)", "none", "Қосылған құрылғы жоқ.", "signedIn", "кірген",
                    "seen", "соңғы рет", "revoke", "Ажырату", "voice", "Дауыстық құпиясөз", "voiceSet", "орнатылған",
                    "voiceNone", "орнатылмаған"),
            Language.RU, Map.of("devices", "Устройства (push-коды)", "none", "Подключённых устройств нет.", "signedIn", "вход",
                    "seen", "последний раз", "revoke", "Отозвать", "voice", "Голосовой пароль", "voiceSet", "установлен",
                    "voiceNone", "не установлен"),
            Language.EN, Map.of("devices", "Devices (push codes)", "none", "No devices are signed in.", "signedIn", "signed in",
                    "seen", "last seen", "revoke", "Revoke", "voice", "Voice password", "voiceSet", "set",
                    "voiceNone", "not set"));
}
