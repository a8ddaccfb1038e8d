package kz.qyzmet.service.w8ben.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.audit.api.AuditEvent;
import kz.qyzmet.audit.api.AuditJournal;
import kz.qyzmet.auth.api.OtpChannel;
import kz.qyzmet.auth.api.OtpMessage;
import kz.qyzmet.clients.api.ClientData;
import kz.qyzmet.clients.api.ClientRecords;
import kz.qyzmet.common.api.Language;
import kz.qyzmet.common.api.LocalizedText;
import kz.qyzmet.jobs.api.Job;
import kz.qyzmet.jobs.api.JobContext;
import kz.qyzmet.jobs.api.JobResult;
import kz.qyzmet.jobs.api.JobWorker;

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
    static final String PURPOSE = "notice";

    private final ClientRecords clients;
    private final AuditJournal audit;
    private final W8benConfiguration configuration;
    private final Map<OtpChannel, Map<String, Object>> channels = new ConcurrentHashMap<>();

    @Activate
    public W8benReminders(@Reference ClientRecords clients, @Reference AuditJournal audit, W8benConfiguration configuration) {
        this.clients = clients;
        this.audit = audit;
        this.configuration = configuration;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addChannel(OtpChannel channel, Map<String, Object> properties) {
        channels.put(channel, properties);
    }

    void removeChannel(OtpChannel channel) {
        channels.remove(channel);
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
        if (data.phone() == null && !configuration.channel().equals(OtpChannel.PUSH)) {
            return JobResult.done("no-contact");
        }
        String date = validUntil.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        LocalizedText notice = LocalizedText.of(
                "W-8BEN нысанының мерзімі {date} аяқталады: жеке кабинетте жаңасын беріңіз.",
                "Срок действия вашей формы W-8BEN истекает {date}: подайте новую в личном кабинете.",
                "Your Form W-8BEN expires on {date}: submit a new one in your personal cabinet.").format(Map.of("date", date));
        String recipient = configuration.channel().equals(OtpChannel.EMAIL) ? data.email() : data.phone();
        channel().deliver(new OtpMessage(configuration.channel(), recipient, PURPOSE, notice.in(Language.KK) + " / "
                + notice.in(Language.RU)));
        audit.record(AuditEvent.builder("w8ben.expiry-reminded", job.subject()).by(context.caller())
                .detail("client", clientId).detail("validUntil", validUntil.toString())
                .detail("channel", configuration.channel()).build());
        return JobResult.done("reminded");
    }

    /** The channel carrying reminders, the highest ranked one that serves it. */
    private OtpChannel channel() {
        return channels.entrySet().stream().filter(entry -> names(entry.getValue()).contains(configuration.channel()))
                .max(java.util.Comparator.comparingInt(entry -> entry.getValue().get(org.osgi.framework.Constants.SERVICE_RANKING)
                        instanceof Integer ranking ? ranking : 0))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("no message channel for " + configuration.channel()));
    }

    private static java.util.List<String> names(Map<String, Object> properties) {
        Object names = properties.get(OtpChannel.CHANNEL_PROPERTY);
        if (names instanceof String[] array) {
            return java.util.List.of(array);
        }
        if (names instanceof java.util.Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return names == null ? java.util.List.of() : java.util.List.of(String.valueOf(names));
    }
}
