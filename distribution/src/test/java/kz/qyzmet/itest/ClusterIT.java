package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;

import kz.qyzmet.launcher.Platform;

/**
 * Two nodes of one cluster, as {@code java -jar} runs them, on one MariaDB
 * (issue #12): a service bundle uploaded on one node serves on the other
 * without anyone touching it, and its removal there follows too; a node that
 * starts later runs the same set.
 */
public class ClusterIT {

    @Test
    public void aBundleUploadedOnOneNodeServesOnTheOtherAndLeavesItWhenRemoved() throws Exception {
        String schema = ItPlatform.freshSchema("cluster");
        LauncherSupport first = new LauncherSupport("cluster-a", settings -> onShared(settings, schema));
        LauncherSupport second = new LauncherSupport("cluster-b", settings -> onShared(settings, schema));
        String offices = "services/demo-offices/offices";
        try (Platform a = first.start(); Platform b = second.start()) {
            HttpResponse<String> uploaded = first.upload(Path.of(System.getProperty("qyzmet.demo.bundle")));
            assertEquals(uploaded.body(), 201, uploaded.statusCode());
            Duration seen = ItSupport.awaitChecked(Duration.ofSeconds(15), "the other node serves the uploaded service",
                    () -> second.get(offices).statusCode() == 200);
            System.out.println("cluster: a bundle uploaded on node A served on node B after " + seen.toMillis() + " ms");
            assertEquals(200, first.get(offices).statusCode());

            HttpResponse<String> removed = first.operator("DELETE", "operator/bundles/qyzmet.service.demo", null);
            assertEquals(removed.body(), 204, removed.statusCode());
            ItSupport.awaitChecked(Duration.ofSeconds(15), "the other node no longer serves it",
                    () -> second.get(offices).statusCode() == 404);
        }
        // a node that joins later installs what the cluster runs: here, nothing of the removed bundle
        LauncherSupport third = new LauncherSupport("cluster-c", settings -> onShared(settings, schema));
        try (Platform c = third.start()) {
            assertEquals(404, third.get(offices).statusCode());
            HttpResponse<String> uploaded = third.upload(Path.of(System.getProperty("qyzmet.demo.bundle")));
            assertEquals(uploaded.body(), 201, uploaded.statusCode());
        }
        LauncherSupport fourth = new LauncherSupport("cluster-d", settings -> onShared(settings, schema));
        try (Platform d = fourth.start()) {
            ItSupport.awaitChecked(Duration.ofSeconds(15), "a joining node runs the stored bundle",
                    () -> fourth.get(offices).statusCode() == 200);
        }
    }

    /** A feature an operator installs at runtime on one node runs on the other, and leaves it when removed. */
    @Test
    public void aFeatureInstalledOnOneNodeRunsOnTheOtherAndLeavesItWhenRemoved() throws Exception {
        String schema = ItPlatform.freshSchema("cluster_features");
        LauncherSupport first = new LauncherSupport("cluster-fa", settings -> onShared(settings, schema));
        LauncherSupport second = new LauncherSupport("cluster-fb", settings -> onShared(settings, schema));
        String offices = "services/demo-offices/offices";
        try (Platform a = first.start(); Platform b = second.start()) {
            HttpResponse<String> installed = first.operator("PUT", "operator/features/qyzmet-service-demo", null);
            assertEquals(installed.body(), 200, installed.statusCode());
            Duration seen = ItSupport.awaitChecked(Duration.ofSeconds(20), "the other node runs the feature",
                    () -> second.get(offices).statusCode() == 200);
            System.out.println("cluster: a feature installed on node A ran on node B after " + seen.toMillis() + " ms");
            HttpResponse<String> removed = first.operator("DELETE", "operator/features/qyzmet-service-demo", null);
            assertEquals(removed.body(), 200, removed.statusCode());
            ItSupport.awaitChecked(Duration.ofSeconds(20), "the other node removes it too",
                    () -> second.get(offices).statusCode() == 404);
        }
    }

    private static kz.qyzmet.launcher.Settings onShared(kz.qyzmet.launcher.Settings settings, String schema) {
        try {
            return ItPlatform.onSharedDatabase(settings, schema);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
