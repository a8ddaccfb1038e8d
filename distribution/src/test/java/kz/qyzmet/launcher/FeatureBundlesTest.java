package kz.qyzmet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureBundlesTest {
    private static final Path BUILT = Path.of("../features/target/distribution");

    private static FeatureBundles built() {
        return new FeatureBundles(FeatureBundles.directories(BUILT.resolve("features"), BUILT.resolve("repository")));
    }

    @Test
    void theDefaultFeatureResolvesToJarsThatExist() {
        List<FeatureBundles.ResolvedBundle> bundles = built().resolve(List.of("qyzmet-default"));
        List<String> names = bundles.stream().map(bundle -> bundle.id().getArtifactId()).toList();
        assertTrue(names.contains("org.apache.felix.scr"));
        assertTrue(names.contains("qyzmet.registry"));
        assertFalse(names.contains("qyzmet.service.demo"), "the demonstration service is not in the default distribution");
        assertEquals(names.size(), names.stream().distinct().count(), "each bundle once");
    }

    @Test
    void everyBundleInTheRepositoryIsNamedBySomeFeature() throws Exception {
        FeatureBundles features = built();
        List<String> featureNames;
        try (Stream<Path> files = Files.list(BUILT.resolve("features"))) {
            featureNames = files.map(file -> file.getFileName().toString().replace(".json", "")).toList();
        }
        List<String> named = features.resolve(featureNames).stream()
                .map(bundle -> bundle.id().getArtifactId() + "-" + bundle.id().getVersion() + ".jar").toList();
        List<String> inRepository;
        try (Stream<Path> jars = Files.walk(BUILT.resolve("repository"))) {
            inRepository = jars.filter(path -> path.toString().endsWith(".jar")).map(path -> path.getFileName().toString())
                    .collect(Collectors.toList());
        }
        inRepository.removeAll(named);
        assertEquals(List.of(), inRepository, "bundles shipped but named by no feature");
    }

    @Test
    void aMissingBundleOrFeatureIsNamed(@TempDir Path directory) throws Exception {
        Files.createDirectories(directory.resolve("features"));
        Files.writeString(directory.resolve("features/broken.json"), """
                {"feature-resource-version": "1.0", "id": "kz.qyzmet.features:broken:osgifeature:1.0.0",
                 "bundles": [{"id": "org.example:absent:1.0.0"}],
                 "extensions": {"qyzmet-includes": {"type": "artifacts", "kind": "mandatory",
                   "artifacts": [{"id": "kz.qyzmet.features:nowhere:osgifeature:1.0.0"}]}}}
                """, StandardCharsets.UTF_8);
        FeatureBundles features = new FeatureBundles(
                FeatureBundles.directories(directory.resolve("features"), directory.resolve("repository")));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> features.resolve(List.of("broken")));
        assertTrue(refused.getMessage().contains("feature nowhere"), refused.getMessage());
        assertTrue(refused.getMessage().contains("bundle org.example:absent:1.0.0"), refused.getMessage());
    }
}
