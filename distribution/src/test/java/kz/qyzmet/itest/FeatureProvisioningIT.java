package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import kz.qyzmet.launcher.Platform;

/**
 * Operators install and remove a whole feature while the platform runs; a
 * feature installed at runtime survives a restart until it is removed, and the
 * platform's start-up features cannot be removed.
 */
public class FeatureProvisioningIT {
    private static final String DEMO_FEATURE = "qyzmet-service-demo";

    @Test
    public void aFeatureIsInstalledAtRuntimeKeptAcrossARestartAndRemoved() throws Exception {
        LauncherSupport launcher = new LauncherSupport("features");
        try (Platform platform = launcher.start()) {
            JsonNode before = feature(launcher, DEMO_FEATURE);
            assertEquals(false, before.get("running").asBoolean());
            assertEquals("NONE", before.get("origin").asText());
            assertEquals("STARTUP", feature(launcher, "qyzmet-core").get("origin").asText());

            HttpResponse<String> installed = launcher.operator("PUT", "operator/features/" + DEMO_FEATURE, null);
            assertEquals(installed.body(), 200, installed.statusCode());
            assertEquals("RUNTIME", ItSupport.JSON.readTree(installed.body()).get("origin").asText());
            ItSupport.awaitChecked(Duration.ofSeconds(10), "the feature's service answers",
                    () -> launcher.get("services/demo-offices/offices").statusCode() == 200);
            assertNotNull(catalogEntry(launcher, "demo-offices"));

            HttpResponse<String> coreRemoval = launcher.operator("DELETE", "operator/features/qyzmet-core", null);
            assertEquals(409, coreRemoval.statusCode());
            assertEquals("https://qyzmet.kz/problems/feature-conflict", ItSupport.JSON.readTree(coreRemoval.body()).get("type").asText());
            HttpResponse<String> unknown = launcher.operator("PUT", "operator/features/no-such-feature", null);
            assertEquals(404, unknown.statusCode());
        }

        try (Platform restarted = launcher.start()) {
            ItSupport.awaitChecked(Duration.ofSeconds(10), "the runtime feature is back after a restart",
                    () -> launcher.get("services/demo-offices/offices").statusCode() == 200);
            assertEquals("RUNTIME", feature(launcher, DEMO_FEATURE).get("origin").asText());

            HttpResponse<String> removed = launcher.operator("DELETE", "operator/features/" + DEMO_FEATURE, null);
            assertEquals(removed.body(), 200, removed.statusCode());
            JsonNode after = ItSupport.JSON.readTree(removed.body());
            assertEquals(false, after.get("running").asBoolean());
            assertEquals(404, launcher.get("services/demo-offices/offices").statusCode());
            assertEquals(null, catalogEntry(launcher, "demo-offices"));
            assertEquals("the core keeps running", 200, launcher.get("catalog").statusCode());
            assertEquals(409, launcher.operator("DELETE", "operator/features/" + DEMO_FEATURE, null).statusCode());
        }

        try (Platform again = launcher.start()) {
            assertEquals("a removed feature stays removed", 404, launcher.get("services/demo-offices/offices").statusCode());
            assertTrue(feature(launcher, DEMO_FEATURE).get("origin").asText().equals("NONE"));
        }
    }

    private static JsonNode feature(LauncherSupport launcher, String name) throws Exception {
        HttpResponse<String> list = launcher.operator("GET", "operator/features", null);
        assertEquals(list.body(), 200, list.statusCode());
        for (JsonNode feature : ItSupport.JSON.readTree(list.body()).get("features")) {
            if (feature.get("name").asText().equals(name)) {
                return feature;
            }
        }
        throw new AssertionError("feature " + name + " not listed: " + list.body());
    }

    private static JsonNode catalogEntry(LauncherSupport launcher, String id) throws Exception {
        for (JsonNode service : ItSupport.JSON.readTree(launcher.get("catalog").body()).get("services")) {
            if (service.get("id").asText().equals(id)) {
                return service;
            }
        }
        return null;
    }
}
