package kz.qyzmet.service.w8ben.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.jobs.api.Job;
import kz.qyzmet.jobs.api.JobContext;
import kz.qyzmet.jobs.api.JobResult;
import kz.qyzmet.jobs.api.JobWorker;
import kz.qyzmet.messaging.api.Message;
import kz.qyzmet.messaging.api.MessageChannel;
import kz.qyzmet.messaging.api.Messaging;

/**
 * The reminder before an accepted W-8BEN expires (issue #16): a platform job
 * per form that waits, by the platform's clock, until {@code remind_days_before}
 * the end of its validity, then sends the client a notice through the message
 * channel — unless a newer form was accepted meanwhile. Journalled.
 */
@Component(service = JobWorker.class, property = JobWorker.KIND_PROPERTY + "=" + W8benReminders.JOB,
        configurationPid = "kz.qyzmet.w8ben")
@Designate(ocd = W8benConfiguration.class)
public class W8benReminders implements JobWorker {
    static final String JOB = "w8ben-expiry";

    private final ClientRecords clients;
    private final AuditJournal audit;
    private final Messaging messaging;
    private final W8benConfiguration configuration;

    @Activate
    public W8benReminders(@Reference ClientRecords clients, @Reference AuditJournal audit, @Reference Messaging messaging,
            W8benConfiguration configuration) {
        this.clients = clients;
        this.audit = audit;
        this.messaging = messaging;
        this.configuration = configuration;
    }

    @Override
    public JobResult run(Job job, JobContext context) throws Exception {
        String clientId = String.valueOf(job.parameters().get("clientId"));
        LocalDate signed = LocalDate.parse(String.valueOf(job.parameters().get("signedOn")));
        LocalDate validUntil = LocalDate.parse(String.valueOf(job.parameters().get("validUntil")));
        java.time.Instant remindAt = validUntil.minusDays(configuration.remind_days_before()).atStartOfDay(W8benService.ALMATY)
                .toInstant();
        if (context.now().isBefore(remindAt)) {
            return JobResult.laterAt(remindAt);
        }
        ClientData data = clients.find(clientId).map(client -> client.data()).orElse(null);
        if (data == null || data.w8benSignedOn() != null && data.w8benSignedOn().isAfter(signed)) {
            return JobResult.done("superseded"); // a newer form was accepted: nothing to remind of
        }
        String channel = configuration.channel();
        String recipient = switch (channel) {
            case MessageChannel.EMAIL -> data.email();
            case MessageChannel.PUSH -> clientId;
            default -> data.phone();
        };
        if (recipient == null || recipient.isBlank()) {
            return JobResult.done("no-contact");
        }
        String date = validUntil.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        LocalizedText notice = LocalizedText.of(
                "W-8BEN нысанының мерзімі {date} аяқталады: жеке кабинетте жаңасын беріңіз.",
                "Срок действия вашей формы W-8BEN истекает {date}: подайте новую в личном кабинете.",
                "Your Form W-8BEN expires on {date}: submit a new one in your personal cabinet.").format(Map.of("date", date));
        // a client who linked a messenger reads it there (issue 16)
        Message message = messaging.routed(clientId, Message.notice(channel, recipient, notice.in(Language.KK) + " / "
                + notice.in(Language.RU)));
        messaging.send(message);
        audit.record(AuditEvent.builder("w8ben.expiry-reminded", job.subject()).by(context.caller())
                .detail("client", clientId).detail("validUntil", validUntil.toString())
                .detail("channel", message.channel()).build());
        return JobResult.done("reminded");
    }
}
