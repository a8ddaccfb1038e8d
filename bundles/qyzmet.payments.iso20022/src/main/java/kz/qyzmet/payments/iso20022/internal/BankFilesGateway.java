package kz.qyzmet.payments.iso20022.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import kz.qyzmet.payments.api.BankGateway;
import kz.qyzmet.payments.api.PaymentOrder;
import kz.qyzmet.payments.api.PaymentStatus;

/**
 * The bank as files (issue #15), offered only once configured: each order
 * becomes {@code pain001-<end-to-end id>.xml} in the outbox, written under a
 * temporary name and moved in place so the bank's pick-up never sees half a
 * file; an order sent again finds its file and writes nothing (the bank pays
 * it once). Answers are read from the pain.002 reports the bank leaves in the
 * inbox. Nothing here deletes a file: what was sent and what came back stays.
 */
@Component(configurationPid = BankFilesGateway.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = BankGateway.NAME_PROPERTY + "=" + BankFilesGateway.NAME)
@Designate(ocd = BankFilesConfiguration.class)
public class BankFilesGateway implements BankGateway {
    static final String PID = "kz.qyzmet.bankfiles";
    static final String NAME = "iso20022-files";

    private final Path outbox;
    private final Path inbox;
    private final CreditTransferFile.Debtor debtor;

    @Activate
    public BankFilesGateway(BankFilesConfiguration configuration) throws IOException {
        this.outbox = Files.createDirectories(Path.of(configuration.outbox()));
        this.inbox = Files.createDirectories(Path.of(configuration.inbox()));
        this.debtor = new CreditTransferFile.Debtor(configuration.debtor_name(), configuration.debtor_iban(),
                configuration.debtor_bic());
    }

    @Override
    public String submit(PaymentOrder order, Instant now) throws Exception {
        String name = "pain001-" + order.id() + ".xml";
        Path file = outbox.resolve(name);
        if (Files.exists(file)) {
            return name;
        }
        Path partial = outbox.resolve("." + name + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            CreditTransferFile.write(order, debtor, now, out);
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notHere) {
            Files.move(partial, file);
        }
        return name;
    }

    @Override
    public PaymentStatus status(PaymentOrder order, Instant submittedAt, Instant now) throws Exception {
        PaymentStatus answer = StatusReports.read(inbox).get(order.id());
        return answer == null ? PaymentStatus.pending(order.id(), now) : answer;
    }
}
