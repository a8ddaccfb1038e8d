package kz.qyzmet.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB must not outlive its platform. A platform killed with
 * {@code kill -9} runs no shutdown hook, so its mysqld would go on holding the
 * data directory ("Unable to lock ./ibdata1") and the next start would fail.
 * Two guards: at start, a server of this data directory that is still running is
 * stopped (only if its command line names this very data directory, never any
 * other process); and while running, a tiny watchdog process stops the server
 * within a second of the JVM's death.
 */
final class OrphanedServer {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);

    private OrphanedServer() {
    }

    /** Stops the server recorded in {@code pidFile} if it is still running on {@code dataDir}. */
    static void stopIfRunning(Path pidFile, Path dataDir) throws IOException, InterruptedException {
        Optional<ProcessHandle> orphan = serverOf(pidFile, dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        LOG.warn("an embedded MariaDB (pid {}) of {} survived its platform: stopping it", server.pid(), dataDir);
        server.destroy(); // SIGTERM: InnoDB shuts down cleanly
        if (!server.onExit().toCompletableFuture().completeOnTimeout(null, 60, TimeUnit.SECONDS).thenApply(done -> !server.isAlive())
                .join()) {
            server.destroyForcibly();
            server.onExit().toCompletableFuture().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        }
        Files.deleteIfExists(pidFile);
    }

    static Optional<ProcessHandle> serverOf(Path pidFile, Path dataDir) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException | IOException e) {
            return Optional.empty();
        }
        String directory = dataDir.toAbsolutePath().normalize().toString();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> commandLine(process).contains(directory));
    }

    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // gone meanwhile
        }
        return process.info().commandLine().orElse("");
    }

    /** Starts the watchdog: a shell that waits for this JVM to end, then stops the server. */
    static void watchOver(Path pidFile, Path dataDir) {
        File shell = new File("/bin/sh");
        if (!shell.canExecute() || !Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long server = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
            long jvm = ProcessHandle.current().pid();
            String directory = dataDir.toAbsolutePath().normalize().toString().replace("'", "'\\''");
            // after the JVM, and only if that pid is still this data directory's server
            new ProcessBuilder(shell.getPath(), "-c", "while kill -0 " + jvm + " 2>/dev/null; do sleep 1; done; if grep -qF -- '"
                    + directory + "' /proc/" + server + "/cmdline 2>/dev/null; then kill " + server + "; fi")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | NumberFormatException e) {
            LOG.warn("no watchdog for the embedded MariaDB: {}", e.toString());
        }
    }
}
