package kz.qyzmet.auth.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.common.api.Caller;

/**
 * A fresh platform has no one to log in as: the first administrator is created
 * with the configured password, or with a generated one written to
 * {@code <data>/secrets/admin-password} (never to the log) that must be
 * changed at the first login.
 * <p>
 * It is also the way back in when the last administrator is locked out:
 * {@code java -jar qyzmet.jar reset-admin} leaves a request in
 * {@code <data>/secrets/admin-reset} (only who can write to the data directory
 * can), which is applied at start and within seconds while running.
 */
final class AdministratorBootstrap implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);
    /** Written by the launcher's reset-admin command; the same name there. */
    static final String RESET_REQUEST = "admin-reset";
    static final String PASSWORD_FILE = "admin-password";

    private final Administrators administrators;
    private final AuthConfiguration config;
    private final Path secrets;
    private final Caller system = new Caller("system", "system", "", "", "bootstrap");
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qyzmet-admin-reset");
        thread.setDaemon(true);
        return thread;
    });

    AdministratorBootstrap(Administrators administrators, AuthConfiguration config, Path secrets) throws IOException {
        this.administrators = administrators;
        this.config = config;
        this.secrets = secrets;
        applyResetRequest();
        String generated = administrators.bootstrapAdministrator(system).orElse(null);
        if (generated != null && !generated.isEmpty()) {
            Path file = secrets.resolve(PASSWORD_FILE);
            Secrets.writeOwnerOnly(file, (generated + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            LOG.warn("Created administrator '{}'; its first password is in {} and must be changed at first login",
                    config.admin_login(), file);
        }
        watcher.scheduleWithFixedDelay(this::applyResetRequestQuietly, 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }

    private void applyResetRequestQuietly() {
        try {
            applyResetRequest();
        } catch (IOException | RuntimeException e) {
            LOG.error("the administrator reset request in {} could not be applied", secrets.resolve(RESET_REQUEST), e);
        }
    }

    synchronized void applyResetRequest() throws IOException {
        Path request = secrets.resolve(RESET_REQUEST);
        if (!Files.isRegularFile(request)) {
            return;
        }
        Properties reset = new Properties();
        try (Reader reader = Files.newBufferedReader(request, StandardCharsets.UTF_8)) {
            reset.load(reader);
        }
        String password = reset.getProperty("password");
        if (password == null || password.isBlank()) {
            Files.delete(request);
            LOG.error("ignored {}: it names no password", request);
            return;
        }
        administrators.resetAdministrator(password, reset.getProperty("phone"), system);
        Secrets.writeOwnerOnly(secrets.resolve(PASSWORD_FILE), (password + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        Files.delete(request);
        LOG.warn("Administrator '{}' reset from the data directory; its password is in {} and must be changed at first login",
                config.admin_login(), secrets.resolve(PASSWORD_FILE));
    }
}
