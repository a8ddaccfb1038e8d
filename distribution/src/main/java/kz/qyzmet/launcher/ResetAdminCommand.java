package kz.qyzmet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@code java -jar qyzmet.jar reset-admin [--phone +77...]}: the way back in
 * when the last administrator is locked out, suspended or has lost its password.
 * It needs what an attacker on the network does not have, write access to the
 * data directory: it leaves a request with a new generated password in
 * {@code <data>/secrets/admin-reset}, which the platform applies at its next
 * start or, while it runs, within seconds (its auth bundle watches the file). The
 * password must be changed at the first login; the reset is journalled.
 */
public final class ResetAdminCommand {
    static final String REQUEST_FILE = "admin-reset";

    private ResetAdminCommand() {
    }

    public static int run(Settings settings, String[] args, PrintStream out, PrintStream err) {
        String phone = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--phone") && i + 1 < args.length) {
                phone = args[++i].strip();
            } else {
                err.println("qyzmet reset-admin: unknown argument '" + args[i] + "'; usage: reset-admin [--phone +77011234567]");
                return 2;
            }
        }
        if (phone != null && !phone.matches("\\+[1-9][0-9]{7,14}")) {
            err.println("qyzmet reset-admin: the phone must be in E.164 form, e.g. +77011234567");
            return 2;
        }
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "-9a!";
        Path secrets = settings.path(Settings.DATA_DIR).resolve("secrets");
        Path request = secrets.resolve(REQUEST_FILE);
        try {
            OwnerOnlyFiles.write(request, "password=" + password + "\n" + (phone == null ? "" : "phone=" + phone + "\n"));
        } catch (IOException e) {
            err.println("qyzmet reset-admin: cannot write " + request + ": " + e.getMessage());
            return 1;
        }
        out.println("Reset of the administrator requested (" + request + ").");
        out.println("The running platform applies it within seconds, or a stopped one at its next start; then the new");
        out.println("password is in " + secrets.resolve("admin-password") + " and must be changed at the first login.");
        return 0;
    }
}
