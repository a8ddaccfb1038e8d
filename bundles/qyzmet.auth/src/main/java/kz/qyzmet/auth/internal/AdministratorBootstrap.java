package kz.qyzmet.auth.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.qyzmet.rest.api.Caller;

/**
 * A fresh platform has no one to log in as: the first administrator is created
 * with the configured password, or with a generated one written to
 * {@code <data>/secrets/admin-password} (never to the log) that must be
 * changed at the first login.
 */
@Component(immediate = true, service = {})
public class AdministratorBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);

    @Activate
    public AdministratorBootstrap(@Reference AuthService auth, BundleContext context) throws IOException {
        Caller system = new Caller("system", "system", "", "", "bootstrap");
        String generated = auth.bootstrapAdministrator(system).orElse(null);
        if (generated == null || generated.isEmpty()) {
            return;
        }
        String dataDir = context.getProperty(AuthService.DATA_DIR);
        Path file = Path.of(dataDir == null ? "data" : dataDir, "secrets", "admin-password");
        Secrets.writeOwnerOnly(file, (generated + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        LOG.warn("Created administrator '{}'; its first password is in {} and must be changed at first login",
                auth.configuration().admin_login(), file);
    }
}
