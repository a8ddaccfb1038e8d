package kz.qyzmet.deployment.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.common.api.Caller;

/**
 * The deploy directory: a jar put there is deployed (once it has stopped
 * changing, so that a half-copied file is never read), a jar replaced by
 * another is deployed again, a jar taken away removes its bundle — unless a
 * newer jar of the same bundle runs by then. A jar that is refused is renamed
 * {@code <name>.refused}, with the reason beside it in {@code <name>.refused.txt}.
 */
final class DeployDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DeployDirectory.class);
    private static final Caller DIRECTORY = new Caller("deploy-directory", "system", "", "", "deploy-directory");

    /** A jar as last seen: its size and time, whether it was handled, and what it deployed. */
    private record Seen(long size, long modified, boolean handled, String symbolicName, String sha256) {
    }

    private final Path directory;
    private final Deployments deployments;
    private final Map<Path, Seen> seen = new HashMap<>();

    DeployDirectory(Path directory, Deployments deployments) {
        this.directory = directory;
        this.deployments = deployments;
    }

    synchronized void scan() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path jar : jars) {
                if (Files.isRegularFile(jar)) {
                    present.add(jar);
                    look(jar);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read the deploy directory {}: {}", directory, e.getMessage());
            return;
        }
        for (Map.Entry<Path, Seen> gone : Map.copyOf(seen).entrySet()) {
            if (!present.contains(gone.getKey())) {
                seen.remove(gone.getKey());
                Seen last = gone.getValue();
                // only the jar that runs removes its bundle: an older one taken away after an upgrade does not
                if (last.symbolicName() != null
                        && deployments.runningSha(last.symbolicName()).filter(last.sha256()::equals).isPresent()) {
                    deployments.remove(last.symbolicName(), DIRECTORY);
                    LOG.info("{} removed: its jar left the deploy directory", last.symbolicName());
                }
            }
        }
    }

    private void look(Path jar) throws IOException {
        long size = Files.size(jar);
        long modified = Files.getLastModifiedTime(jar).toMillis();
        Seen last = seen.get(jar);
        if (last == null || last.size() != size || last.modified() != modified) {
            // first sight or still changing: wait one poll for it to stand still
            seen.put(jar, new Seen(size, modified, false, last == null ? null : last.symbolicName(),
                    last == null ? null : last.sha256()));
            return;
        }
        if (last.handled()) {
            return;
        }
        byte[] content = Files.readAllBytes(jar);
        try {
            Deployments.Outcome outcome = deployments.deploy(content, "directory:" + jar.getFileName(), DIRECTORY);
            seen.put(jar, new Seen(size, modified, true, outcome.symbolicName(), BundleArchive.sha256(content)));
            LOG.info("{} {} from {}: {}", outcome.symbolicName(), outcome.version(), jar.getFileName(),
                    outcome.change().name().toLowerCase());
        } catch (DeploymentRefused refused) {
            seen.remove(jar);
            Path renamed = jar.resolveSibling(jar.getFileName() + ".refused");
            Files.move(jar, renamed, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(jar.resolveSibling(jar.getFileName() + ".refused.txt"), refused.getMessage()
                    + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // the database may be away: the same jar is tried again at the next poll
            seen.put(jar, new Seen(size, modified, false, last.symbolicName(), last.sha256()));
            LOG.error("{} could not be deployed now: {}", jar.getFileName(), e.getMessage());
        }
    }
}
