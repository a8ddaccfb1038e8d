package kz.qyzmet.launcher;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureArtifact;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureExtension;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/**
 * Resolves features (OSGi Features JSON, Compendium 8.1 ch. 159, read with
 * Apache Felix's Feature Service implementation) into the bundles to install.
 * A feature may include others through its {@value #INCLUDES} extension of
 * kind ARTIFACTS, listing their ids: the distribution's default feature is just
 * such a list, so adding a service to it is one line.
 */
public final class FeatureBundles {
    public static final String INCLUDES = "qyzmet-includes";

    /** A bundle to install: its artifact id and where its jar is. */
    public record ResolvedBundle(ID id, URL location) {
        public String mavenId() {
            return id.getGroupId() + ":" + id.getArtifactId() + ":" + id.getVersion();
        }
    }

    /** Where feature files and bundle jars come from: the jar's resources, or directories in tests. */
    public interface Source {
        /** Names of every feature there is. */
        List<String> featureNames();

        /** The feature file of a feature named by its artifact id, or null. */
        URL feature(String name);

        /** The jar of a bundle in Maven repository layout, or null. */
        URL bundle(String repositoryPath);
    }

    private final FeatureService features;
    private final Source source;

    public FeatureBundles(Source source) {
        this.features = ServiceLoader.load(FeatureService.class, FeatureBundles.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi Feature Service implementation on the class path"));
        this.source = source;
    }

    /** Features and bundles inside the executable jar ({@code /features}, {@code /repository}). */
    public static Source classPath() {
        ClassLoader loader = FeatureBundles.class.getClassLoader();
        return new Source() {
            @Override
            public List<String> featureNames() {
                URL any = loader.getResource("features/");
                if (any == null) {
                    return List.of();
                }
                try {
                    if ("jar".equals(any.getProtocol())) {
                        java.net.JarURLConnection connection = (java.net.JarURLConnection) any.openConnection();
                        connection.setUseCaches(false);
                        try (java.util.jar.JarFile jar = connection.getJarFile()) {
                            return jar.stream().map(java.util.jar.JarEntry::getName)
                                    .filter(entry -> entry.startsWith("features/") && entry.endsWith(".json"))
                                    .map(entry -> entry.substring("features/".length(), entry.length() - ".json".length()))
                                    .sorted().toList();
                        }
                    }
                    return namesIn(Path.of(any.toURI()));
                } catch (IOException | java.net.URISyntaxException e) {
                    throw new IllegalStateException("cannot list the features in " + any, e);
                }
            }

            @Override
            public URL feature(String name) {
                return loader.getResource("features/" + name + ".json");
            }

            @Override
            public URL bundle(String repositoryPath) {
                return loader.getResource("repository/" + repositoryPath);
            }
        };
    }

    /** Features and bundles in directories (integration tests use the build's output). */
    public static Source directories(Path featuresDir, Path repositoryDir) {
        return new Source() {
            @Override
            public List<String> featureNames() {
                try {
                    return namesIn(featuresDir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public URL feature(String name) {
                return url(featuresDir.resolve(name + ".json"));
            }

            @Override
            public URL bundle(String repositoryPath) {
                return url(repositoryDir.resolve(repositoryPath));
            }

            private URL url(Path path) {
                try {
                    return Files.isRegularFile(path) ? path.toUri().toURL() : null;
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(path.toString(), e);
                }
            }
        };
    }

    static List<String> namesIn(Path directory) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).sorted().toList();
        }
    }

    public Source source() {
        return source;
    }

    /** The named features and every feature they include, directly or not. */
    public Set<String> closure(List<String> featureNames) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : featureNames) {
            addWithIncludes(name.trim(), names);
        }
        return names;
    }

    private void addWithIncludes(String name, Set<String> names) {
        if (!names.add(name) || source.feature(name) == null) {
            return;
        }
        FeatureExtension includes = read(name).getExtensions().get(INCLUDES);
        if (includes != null) {
            for (FeatureArtifact included : includes.getArtifacts()) {
                addWithIncludes(included.getID().getArtifactId(), names);
            }
        }
    }

    /** The feature of that name, as read by the Feature Service. */
    public Feature read(String name) {
        URL url = source.feature(name);
        if (url == null) {
            throw new IllegalArgumentException("no feature '" + name + "'");
        }
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            return features.readFeature(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feature " + url, e);
        }
    }

    /**
     * The bundles of the named features and of the features they include, each
     * once, in the order they are first named.
     *
     * @throws IllegalArgumentException naming every missing feature or bundle jar
     */
    public List<ResolvedBundle> resolve(List<String> featureNames) {
        Map<String, ResolvedBundle> bundles = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : featureNames) {
            collect(name.trim(), bundles, missing, seen);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("cannot resolve features " + featureNames + ": missing " + missing);
        }
        return List.copyOf(bundles.values());
    }

    private void collect(String name, Map<String, ResolvedBundle> bundles, List<String> missing, Set<String> seen) {
        if (!seen.add(name)) {
            return;
        }
        if (source.feature(name) == null) {
            missing.add("feature " + name);
            return;
        }
        Feature feature = read(name);
        FeatureExtension includes = feature.getExtensions().get(INCLUDES);
        if (includes != null) {
            for (FeatureArtifact included : includes.getArtifacts()) {
                collect(included.getID().getArtifactId(), bundles, missing, seen);
            }
        }
        for (FeatureBundle bundle : feature.getBundles()) {
            ID id = bundle.getID();
            String key = id.getGroupId() + ":" + id.getArtifactId();
            if (bundles.containsKey(key)) {
                continue;
            }
            URL location = source.bundle(repositoryPath(id));
            if (location == null) {
                missing.add("bundle " + id);
            } else {
                bundles.put(key, new ResolvedBundle(id, location));
            }
        }
    }

    static String repositoryPath(ID id) {
        String classifier = id.getClassifier().map(value -> "-" + value).orElse("");
        String type = id.getType().orElse("jar");
        return id.getGroupId().replace('.', '/') + "/" + id.getArtifactId() + "/" + id.getVersion() + "/"
                + id.getArtifactId() + "-" + id.getVersion() + classifier + "." + type;
    }
}
