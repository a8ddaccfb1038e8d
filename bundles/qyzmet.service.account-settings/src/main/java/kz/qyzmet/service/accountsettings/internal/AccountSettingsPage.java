package kz.qyzmet.service.accountsettings.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import kz.qyzmet.common.api.Language;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.instructions.api.Instructions;
import kz.qyzmet.web.api.CabinetPage;
import kz.qyzmet.web.api.PageRequest;

/**
 * The service's page in the cabinet: the client's instructions still under way,
 * each with its cancellation — the core's (a cancellation instruction confirmed
 * with its own code, §25.2), offered here as the service "cancel an instruction"
 * (§7.2) — and the kit's form to order documents or close the account.
 */
@Component(service = CabinetPage.class, property = CabinetPage.SERVICE_PROPERTY + "=" + AccountSettingsService.ID)
public class AccountSettingsPage implements CabinetPage {
    /** How many of the client's latest instructions are looked through for those under way. */
    static final int LOOKED_THROUGH = 200;
    private final Instructions instructions;

    @Activate
    public AccountSettingsPage(@Reference Instructions instructions) {
        this.instructions = instructions;
    }

    /** One instruction the client may still cancel, as the page shows it. */
    public record UnderWay(String id, String number, String summary, String status, java.time.Instant createdAt) {
    }

    @Override
    public String template() {
        return "pages/account-settings.ftlh";
    }

    @Override
    public Map<String, Object> model(PageRequest request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("underWay", underWay(request.clientId(), request.language()));
        model.put("words", WORDS.get(request.language()));
        return model;
    }

    /** Confirmed and not yet carried out: what a cancellation can still stop (drafts are simply left). */
    List<UnderWay> underWay(String clientId, Language language) {
        List<Instruction> pending = instructions.ofClient(clientId, LOOKED_THROUGH).stream()
                .filter(instruction -> instruction.cancels() == null)
                .filter(instruction -> instruction.status() == InstructionStatus.CONFIRMED
                        || instruction.status() == InstructionStatus.ACCEPTED || instruction.status() == InstructionStatus.IN_WORK)
                .toList();
        // a cancellation already confirmed or awaiting its code stands for its instruction: no second button
        List<String> beingCancelled = instructions.ofClient(clientId, LOOKED_THROUGH).stream()
                .filter(instruction -> instruction.cancels() != null && !instruction.status().isFinal())
                .map(Instruction::cancels).toList();
        return pending.stream().filter(instruction -> !beingCancelled.contains(instruction.id()))
                .map(instruction -> new UnderWay(instruction.id(), instruction.number(), instruction.summary().in(language),
                        instruction.status().name(), instruction.createdAt())).toList();
    }

    private static final Map<Language, Map<String, String>> WORDS = Map.of(
            Language.KK, Map.of("underWay", "Орындалып жатқан өтініштер", "none", "Орындалып жатқан өтініш жоқ.",
                    "cancel", "Болдырмау"),
            Language.RU, Map.of("underWay", "Поручения в работе", "none", "Поручений в работе нет.",
                    "cancel", "Отменить"),
            Language.EN, Map.of("underWay", "Instructions under way", "none", "No instructions are under way.",
                    "cancel", "Cancel"));
}
