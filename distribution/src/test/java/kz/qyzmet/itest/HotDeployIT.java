package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hot deploy through the watched deploy directory: a service
 * jar dropped in appears in the catalog with its endpoints and its schema; a
 * new version replaces it in place and runs its new migration without any
 * other bundle restarting; removing the jar removes the service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT {
    private static final String OFFICES = "services/demo-offices/offices";

    @Inject
    BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        // unsigned jars, as in dev: DeploymentIT holds production to signatures
        return ItPlatform.options("hotdeploy", List.of("qyzmet-default"), Map.of("qyzmet.deployment.require.signatures", "false"));
    }

    @Test
    public void aJarDroppedInIsDeployedUpgradedInPlaceAndRemoved() throws Exception {
        ItSupport platform = new ItSupport(context);
        ItSupport.awaitChecked(Duration.ofSeconds(30), "catalog answers", () -> platform.get("catalog").statusCode() == 200);
        Path deploy = Path.of(context.getProperty("qyzmet.deploy.dir"));
        Path demoJar = Path.of(System.getProperty("qyzmet.demo.bundle"));
        Path deployed = deploy.resolve("qyzmet.service.demo.jar");

        // deploy: copy in (atomically, as an operator's tooling should) and wait for the endpoint
        copyAtomically(demoJar, deployed);
        Duration appeared = ItSupport.awaitChecked(Duration.ofSeconds(10), "deployed service answers",
                () -> platform.get(OFFICES).statusCode() == 200);
        System.out.println("hot deploy: endpoint answered " + appeared.toMillis() + " ms after the jar was dropped in");
        JsonNode listed = platform.catalogEntry("demo-offices");
        assertNotNull("the catalog lists the deployed service", listed);
        String installed = bundle("qyzmet.service.demo").getVersion().toString();
        assertEquals("the catalog shows the bundle's version", installed, listed.get("version").asText());
        // the next major version, whatever the build's own is
        String next = (bundle("qyzmet.service.demo").getVersion().getMajor() + 1) + ".0.0";
        assertEquals("its migrations ran on install (tables, then what the runtime account may do)", "2", schemaVersion());

        // upgrade: a new version with a new migration replaces the old one in place
        List<String> others = new ArrayList<>();
        BundleListener watcher = event -> {
            if ((event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.STARTED)
                    && !"qyzmet.service.demo".equals(event.getBundle().getSymbolicName())) {
                others.add(event.getBundle().getSymbolicName() + " " + event.getType());
            }
        };
        List<String> othersSeen = Collections.synchronizedList(others);
        context.addBundleListener(watcher);
        try {
            Path upgrade = Files.createTempFile(deploy.getParent(), "demo-upgrade", ".jar");
            upgradedCopy(demoJar, upgrade, next, "V3__office_email.sql",
                    "ALTER TABLE demo_office ADD COLUMN email VARCHAR(100) NULL;\n"
                            + "UPDATE demo_office SET email = CONCAT(LOWER(code), '@offices.example');\n");
            Files.move(upgrade, deployed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            ItSupport.awaitChecked(Duration.ofSeconds(10), "catalog shows the new version",
                    () -> platform.catalogEntry("demo-offices") != null
                            && next.equals(platform.catalogEntry("demo-offices").get("version").asText()));
            ItSupport.awaitChecked(Duration.ofSeconds(10), "upgraded service answers",
                    () -> platform.get(OFFICES).statusCode() == 200);
        } finally {
            context.removeBundleListener(watcher);
        }
        assertEquals("the new migration ran on upgrade", "3", schemaVersion());
        assertEquals("ala@offices.example", scalar("SELECT email FROM demo_office WHERE code = 'ALA'"));
        assertTrue("no other bundle restarted during the upgrade: " + othersSeen, othersSeen.isEmpty());
        Bundle demo = bundle("qyzmet.service.demo");
        assertEquals(next, demo.getVersion().toString());

        // removal: the service leaves the catalog and its endpoints go
        Files.delete(deployed);
        ItSupport.awaitChecked(Duration.ofSeconds(10), "service leaves the catalog",
                () -> platform.catalogEntry("demo-offices") == null);
        ItSupport.await(Duration.ofSeconds(10), "its bundle is uninstalled", () -> bundle("qyzmet.service.demo") == null);
        // the JAX-RS whiteboard takes its resource away on its own thread: the endpoint goes a moment later
        ItSupport.awaitChecked(Duration.ofSeconds(10), "its endpoint is gone", () -> platform.get(OFFICES).statusCode() == 404);
        assertEquals("the core keeps serving", 200, platform.get("catalog").statusCode());
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    private String schemaVersion() throws Exception {
        return scalar("SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_demo_offices WHERE success = 1");
    }

    private String scalar(String sql) throws Exception {
        DataSource dataSource = /* the administrator: the platform's own account may not even try (§45) */ ItSupport.administrator(context, "");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void copyAtomically(Path from, Path to) throws IOException {
        Path partial = Files.createTempFile(to.getParent().getParent(), "deploy", ".jar");
        Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The same bundle at another version with one more migration, as a product team would ship it. */
    static void upgradedCopy(Path from, Path to, String version, String migrationName, String migration) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(from))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (OutputStream file = Files.newOutputStream(to); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    copy(in, out);
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry("db/migration/" + migrationName));
                out.write(migration.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
