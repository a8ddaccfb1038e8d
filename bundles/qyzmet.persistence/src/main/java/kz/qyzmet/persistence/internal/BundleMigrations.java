package kz.qyzmet.persistence.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;

/**
 * Gives Flyway the SQL migrations of one bundle, read from the bundle's own
 * entries: Flyway's class-path scanning would look in the wrong bundle.
 */
final class BundleMigrations implements ResourceProvider {
    private final Bundle bundle;
    private final String folder;

    BundleMigrations(Bundle bundle, String folder) {
        this.bundle = bundle;
        this.folder = folder;
    }

    @Override
    public LoadableResource getResource(String name) {
        String file = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        URL entry = bundle.getEntry(folder + "/" + file);
        return entry == null ? null : new Migration(entry, file);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "*", false);
        if (entries == null) {
            return found;
        }
        while (entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            String path = entry.getPath();
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (file.isEmpty() || !file.startsWith(prefix)) {
                continue;
            }
            for (String suffix : suffixes) {
                if (file.endsWith(suffix)) {
                    found.add(new Migration(entry, file));
                    break;
                }
            }
        }
        return found;
    }

    private final class Migration extends LoadableResource {
        private final URL entry;
        private final String file;

        Migration(URL entry, String file) {
            this.entry = entry;
            this.file = file;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(entry.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + getAbsolutePath(), e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return bundle.getSymbolicName() + "/" + folder + "/" + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
