package kz.qyzmet.instructions.internal;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.instructions.api.Instruction;
import kz.qyzmet.instructions.api.InstructionStatus;
import kz.qyzmet.messaging.api.Message;
import kz.qyzmet.messaging.api.Messaging;

/**
 * The notice a client gets when staff or the service's own background work end
 * a request (issue 16: the message channels carry "request completed"): carried
 * out, or rejected with the reason — sent once the outcome is committed, through
 * the message router (the messenger the client linked, else SMS). Journalled; a
 * notice that did not go out changes nothing of the outcome.
 */
final class OutcomeNotices {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeNotices.class);
    private final AuditJournal audit;

    OutcomeNotices(AuditJournal audit) {
        this.audit = audit;
    }

    void send(Messaging messaging, Instruction instruction) {
        if (messaging == null || instruction.clientId() == null) {
            return;
        }
        LocalizedText text = text(instruction);
        if (text == null) {
            return;
        }
        try {
            Optional<Message> sent = messaging.notify(instruction.clientId(), text);
            audit.record(AuditEvent.builder("instruction.notified", instruction.id()).detail("client", instruction.clientId())
                    .detail("status", instruction.status().name()).detail("channel", sent.map(Message::channel).orElse("none"))
                    .build());
        } catch (Exception failed) {
            LOG.warn("the notice of instruction {} did not go out: {}", instruction.number(), failed.toString());
            audit.record(AuditEvent.builder("instruction.notice.failed", instruction.id()).detail("client", instruction.clientId())
                    .detail("error", failed.getClass().getSimpleName()).build());
        }
    }

    static LocalizedText text(Instruction instruction) {
        Map<String, String> values = Map.of("number", instruction.number(), "summary", "");
        if (instruction.status() == InstructionStatus.EXECUTED) {
            return LocalizedText.of("Qyzmet: № {number} өтініш орындалды. Нәтижесі жеке кабинетте.",
                    "Qyzmet: поручение № {number} исполнено. Результат — в личном кабинете.",
                    "Qyzmet: instruction No. {number} is carried out. The result is in your personal cabinet.").format(values);
        }
        if (instruction.status() == InstructionStatus.REJECTED) {
            LocalizedText reason = instruction.reason() == null ? LocalizedText.of("", "", "") : instruction.reason();
            return LocalizedText.of("Qyzmet: № " + instruction.number() + " өтініш қабылданбады: " + reason.kk(),
                    "Qyzmet: поручение № " + instruction.number() + " отклонено: " + reason.ru(),
                    "Qyzmet: instruction No. " + instruction.number() + " was rejected: " + reason.en());
        }
        return null;
    }
}
