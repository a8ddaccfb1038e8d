package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deployment operators can trust (issue #12), in production mode on a real
 * MariaDB: only bundles signed by a key of the configured trust store run; one
 * version per symbolic name (a newer one upgrades in place, an older one is
 * refused); a failed migration leaves the service FAILED (503) with the error
 * for operators until the repair action runs it again; a missing import is
 * named; removal takes the service away and leaves its data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DeploymentIT {
    private static final String DEMO = "qyzmet.service.demo";
    private static final String OFFICES = "services/demo-offices/offices";
    private static final String STORE_PASSWORD = "it-keys-2026";

    @Inject
    BundleContext context;

    private static Path keys() {
        return Path.of(System.getProperty("qyzmet.it.target"), "it-keys-deployment");
    }

    @Configuration
    public Option[] configuration() throws Exception {
        Path keys = keys();
        ItPlatform.deleteRecursively(keys);
        Files.createDirectories(keys);
        // the vendor's key signs; the operators trust its certificate; a rogue key is trusted by nobody
        keytool("-genkeypair", "-alias", "vendor", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Qyzmet IT Vendor, O=Product Team", "-validity", "30", "-keystore", keys.resolve("vendor.p12").toString());
        keytool("-genkeypair", "-alias", "rogue", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Rogue",
                "-validity", "30", "-keystore", keys.resolve("rogue.p12").toString());
        keytool("-exportcert", "-alias", "vendor", "-keystore", keys.resolve("vendor.p12").toString(), "-file",
                keys.resolve("vendor.cer").toString());
        keytool("-importcert", "-noprompt", "-alias", "vendor", "-file", keys.resolve("vendor.cer").toString(),
                "-keystore", keys.resolve("trust.p12").toString());
        return ItPlatform.options("deployment", List.of("qyzmet-default"), Map.of(
                "qyzmet.deployment.trust.store", keys.resolve("trust.p12").toString(),
                "qyzmet.deployment.trust.store.password", STORE_PASSWORD));
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(tool("keytool")));
        command.addAll(Arrays.asList(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD));
        run(command);
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + ": " + output);
        }
    }

    /** Signs with jarsigner, as a product team's build does. */
    private static Path signed(Path jar, String keystore, String alias) throws Exception {
        Path signed = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-" + alias + ".jar"));
        run(List.of(tool("jarsigner"), "-keystore", keys().resolve(keystore).toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-signedjar", signed.toString(), jar.toString(), alias));
        return signed;
    }

    /** The demo bundle at another version, with more migrations and, if given, one more import. */
    private static Path variant(String version, Map<String, String> migrations, String extraImport) throws IOException {
        Path from = Path.of(System.getProperty("qyzmet.demo.bundle"));
        Path to = keys().resolve("demo-" + version + ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(from))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.put(new Attributes.Name("Bundle-Version"), version);
            if (extraImport != null) {
                main.put(new Attributes.Name("Import-Package"), main.getValue("Import-Package") + "," + extraImport);
            }
            try (OutputStream file = Files.newOutputStream(to); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
                for (Map.Entry<String, String> migration : migrations.entrySet()) {
                    out.putNextEntry(new JarEntry("db/migration/" + migration.getKey()));
                    out.write(migration.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
        }
        return to;
    }

    private static final Map<String, String> V3 = Map.of("V3__office_email.sql",
            "ALTER TABLE demo_office ADD COLUMN IF NOT EXISTS email VARCHAR(100) NULL;\n");
    /** MariaDB keeps the ALTER when the INSERT fails: written to be run again (IF NOT EXISTS). */
    private static final Map<String, String> V4_FAILING = Map.of("V4__office_regions.sql",
            "ALTER TABLE demo_office ADD COLUMN IF NOT EXISTS region VARCHAR(20) NULL;\n"
                    + "INSERT INTO demo_office_region_names (code) VALUES ('ALA');\n");

    private HttpResponse<String> upload(ItSupport platform, Path jar) throws Exception {
        return platform.send(HttpRequest.newBuilder(platform.uri("operator/bundles"))
                .header("Content-Type", "application/java-archive")
                .PUT(HttpRequest.BodyPublishers.ofFile(jar)), "Authorization", "Bearer " + platform.operatorToken(),
                "Accept-Language", "en");
    }

    private JsonNode bundleView(ItSupport platform) throws Exception {
        // right after a deployment the API's application is being rebuilt: the platform says 503, come back (Retry-After)
        List<HttpResponse<String>> answer = new java.util.ArrayList<>();
        ItSupport.awaitChecked(Duration.ofSeconds(10), "operator/bundles answers", () -> {
            HttpResponse<String> listed = platform.operatorGet("operator/bundles");
            if (listed.statusCode() != 503) {
                assertEquals(listed.body(), 200, listed.statusCode());
                answer.add(listed);
                return true;
            }
            return false;
        });
        for (JsonNode bundle : ItSupport.json(answer.get(0)).get("bundles")) {
            if (bundle.get("symbolicName").asText().equals(DEMO)) {
                return bundle;
            }
        }
        return null;
    }

    private long demoBundles() {
        return Arrays.stream(context.getBundles()).filter(bundle -> DEMO.equals(bundle.getSymbolicName())).count();
    }

    private static String type(HttpResponse<String> response) throws Exception {
        return ItSupport.json(response).get("type").asText().replace("https://qyzmet.kz/problems/", "");
    }

    @Test
    public void a_inProductionAnUnsignedOrUntrustedBundleIsRefusedWithTheReason() throws Exception {
        ItSupport platform = new ItSupport(context);
        Path deploy = Path.of(context.getProperty("qyzmet.deploy.dir"));
        Files.copy(Path.of(System.getProperty("qyzmet.demo.bundle")), deploy.resolve("demo.jar"));
        ItSupport.await(Duration.ofSeconds(10), "the unsigned jar is set aside", () -> Files.exists(deploy.resolve("demo.jar.refused")));
        assertTrue(Files.readString(deploy.resolve("demo.jar.refused.txt")).contains("signed"));
        assertNull("nothing of it runs", platform.catalogEntry("demo-offices"));
        JsonNode refused = bundleView(platform);
        assertEquals("NOT_INSTALLED", refused.get("state").asText());
        assertTrue(refused.get("error").asText(), refused.get("error").asText().contains("not signed"));

        HttpResponse<String> unsigned = upload(platform, Path.of(System.getProperty("qyzmet.demo.bundle")));
        assertEquals(unsigned.body(), 403, unsigned.statusCode());
        assertEquals("deployment-refused", type(unsigned));
        assertEquals("unsigned", ItSupport.json(unsigned).get("reason").asText());
        HttpResponse<String> rogue = upload(platform, signed(variant("1.0.0", Map.of(), null), "rogue.p12", "rogue"));
        assertEquals(rogue.body(), 403, rogue.statusCode());
        assertEquals("untrusted-signer", ItSupport.json(rogue).get("reason").asText());
        assertEquals(0, demoBundles());
    }

    @Test
    public void b_aSignedBundleIsInstalledUpgradedInPlaceAndAnOlderOneIsRefused() throws Exception {
        ItSupport platform = new ItSupport(context);
        HttpResponse<String> installed = upload(platform, signed(variant("1.0.0", Map.of(), null), "vendor.p12", "vendor"));
        assertEquals(installed.body(), 201, installed.statusCode());
        assertEquals("INSTALLED", ItSupport.json(installed).get("change").asText());
        ItSupport.awaitChecked(Duration.ofSeconds(10), "the service answers", () -> platform.get(OFFICES).statusCode() == 200);
        JsonNode view = bundleView(platform);
        assertEquals("ACTIVE", view.get("state").asText());
        assertEquals("api", view.get("source").asText());
        assertTrue(view.get("signer").asText(), view.get("signer").asText().contains("CN=Qyzmet IT Vendor"));
        assertEquals("demo-offices", view.get("services").get(0).get("id").asText());
        assertEquals("2", view.get("schemas").get(0).get("version").asText());

        HttpResponse<String> upgraded = upload(platform, signed(variant("1.1.0", V3, null), "vendor.p12", "vendor"));
        assertEquals(upgraded.body(), 200, upgraded.statusCode());
        assertEquals("UPGRADED", ItSupport.json(upgraded).get("change").asText());
        assertEquals("one version per symbolic name, never two side by side", 1, demoBundles());
        ItSupport.awaitChecked(Duration.ofSeconds(10), "the catalog shows 1.1.0", () -> platform.catalogEntry("demo-offices") != null
                && "1.1.0".equals(platform.catalogEntry("demo-offices").get("version").asText()));
        assertEquals("the new migration ran before the service came back", "3",
                bundleView(platform).get("schemas").get(0).get("version").asText());

        HttpResponse<String> older = upload(platform, signed(variant("1.0.5", Map.of(), null), "vendor.p12", "vendor"));
        assertEquals(older.body(), 409, older.statusCode());
        assertEquals("older-version", ItSupport.json(older).get("reason").asText());
        assertTrue(ItSupport.json(older).get("detail").asText().contains("1.1.0"));
        assertEquals("1.1.0", bundleView(platform).get("version").asText());
    }

    @Test
    public void c_aFailedMigrationLeavesTheServiceFailedUntilTheRepairRunsItAgain() throws Exception {
        ItSupport platform = new ItSupport(context);
        HttpResponse<String> deployed = upload(platform, signed(variant("1.2.0", Map.of("V3__office_email.sql",
                V3.get("V3__office_email.sql"), "V4__office_regions.sql", V4_FAILING.get("V4__office_regions.sql")), null),
                "vendor.p12", "vendor"));
        assertEquals(deployed.body(), 200, deployed.statusCode());
        ItSupport.awaitChecked(Duration.ofSeconds(10), "the catalog shows the service FAILED",
                () -> "FAILED".equals(platform.catalogEntry("demo-offices").get("state").asText()));
        // while the API's application is rebuilt the platform answers 503 "unavailable" for a moment; then the registry's
        List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        ItSupport.awaitChecked(Duration.ofSeconds(5), "the service answers FAILED", () -> {
            HttpResponse<String> answer = platform.get(OFFICES, "Accept-Language", "kk");
            answers.add(0, answer);
            assertEquals(answer.body(), 503, answer.statusCode());
            return "service-unavailable".equals(type(answer));
        });
        HttpResponse<String> refused = answers.get(0);
        assertEquals("FAILED", ItSupport.json(refused).get("state").asText());
        assertEquals("kk", ItSupport.json(refused).get("language").asText());
        assertFalse("clients are not shown the database's words", refused.body().contains("demo_office_region_names"));
        JsonNode schema = bundleView(platform).get("schemas").get(0);
        assertEquals("FAILED", schema.get("status").asText());
        assertTrue(schema.get("error").asText(), schema.get("error").asText().contains("demo_office_region_names"));
        assertTrue(bundleView(platform).get("error").asText().contains("migration of demo_offices failed"));

        // the operator fixes the cause, then repairs: the migration runs again (its ALTER is idempotent)
        execute("CREATE TABLE demo_office_region_names (code VARCHAR(20) NOT NULL PRIMARY KEY)");
        HttpResponse<String> repaired = platform.operatorPost("operator/bundles/" + DEMO + "/repair", "{}");
        assertEquals(repaired.body(), 200, repaired.statusCode());
        assertEquals("MIGRATED", ItSupport.json(repaired).get("schemas").get(0).get("status").asText());
        assertEquals("4", ItSupport.json(repaired).get("schemas").get(0).get("version").asText());
        ItSupport.awaitChecked(Duration.ofSeconds(5), "the service answers again", () -> platform.get(OFFICES).statusCode() == 200);
        assertEquals("ENABLED", platform.catalogEntry("demo-offices").get("state").asText());
        assertEquals(409, platform.operatorPost("operator/bundles/" + DEMO + "/repair", "{}").statusCode());
    }

    @Test
    public void d_aMissingImportIsNamedAndRemovalTakesTheServiceAwayButNotItsData() throws Exception {
        ItSupport platform = new ItSupport(context);
        HttpResponse<String> deployed = upload(platform, signed(variant("1.3.0", Map.of(),
                "org.example.absent;version=\"[1,2)\""), "vendor.p12", "vendor"));
        assertEquals(deployed.body(), 200, deployed.statusCode());
        JsonNode view = bundleView(platform);
        assertEquals("INSTALLED", view.get("state").asText());
        assertTrue(view.get("error").asText(), view.get("error").asText().contains("org.example.absent"));
        ItSupport.awaitChecked(Duration.ofSeconds(10), "the service it cannot run leaves the catalog",
                () -> platform.catalogEntry("demo-offices") == null);

        HttpResponse<String> removed = platform.send(HttpRequest.newBuilder(platform.uri("operator/bundles/" + DEMO)).DELETE(),
                "Authorization", "Bearer " + platform.operatorToken());
        assertEquals(removed.body(), 204, removed.statusCode());
        assertEquals(0, demoBundles());
        assertEquals(404, platform.get(OFFICES).statusCode());
        assertEquals("the data stays for a later version", "ALA", scalar("SELECT code FROM demo_office WHERE code = 'ALA'"));
        assertEquals(404, platform.send(HttpRequest.newBuilder(platform.uri("operator/bundles/" + DEMO)).DELETE(),
                "Authorization", "Bearer " + platform.operatorToken()).statusCode());
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = ItSupport.administrator(context, "").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String scalar(String sql) throws Exception {
        try (Connection connection = ItSupport.administrator(context, "").getConnection();
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
