package kz.qyzmet.auth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of authentication, PID {@code kz.qyzmet.auth}; as platform settings
 * {@code qyzmet.auth.<name.with.dots>} or {@code QYZMET_AUTH_<NAME_WITH_UNDERSCORES>}
 * (method {@code admin_password()} is {@code qyzmet.auth.admin.password}). The defaults are the
 * rules' own figures (§42, §43) and OWASP's Argon2id recommendation.
 */
@ObjectClassDefinition(name = "Qyzmet authentication")
public @interface AuthConfiguration {
    @AttributeDefinition(description = "Argon2id memory in KiB (OWASP: 19456 = 19 MiB)")
    int argon2_memory_kib() default 19456;

    @AttributeDefinition(description = "Argon2id iterations")
    int argon2_iterations() default 2;

    @AttributeDefinition(description = "Argon2id parallelism")
    int argon2_parallelism() default 1;

    @AttributeDefinition(description = "Lifetime of a one-time code, seconds")
    int code_lifetime_seconds() default 300;

    @AttributeDefinition(description = "Wrong entries one code tolerates before it is void")
    int code_attempts() default 3;

    @AttributeDefinition(description = "Codes of one purpose sent to one identity per hour at most (login, security session, recovery, …)")
    int codes_per_hour() default 5;

    @AttributeDefinition(description = "Confirmation codes (one per instruction, §25.2) sent to one identity per hour at most:"
            + " an active client confirms many orders an hour, so this limit is higher than the others")
    int confirmation_codes_per_hour() default 120;

    @AttributeDefinition(description = "Lifetime of an activation code, hours")
    int activation_lifetime_hours() default 72;

    @AttributeDefinition(description = "§42: failed password or code entries that lock the account")
    int lock_threshold() default 5;

    @AttributeDefinition(description = "§42: how long the account stays locked, minutes")
    int lock_minutes() default 60;

    @AttributeDefinition(description = "§43: different logins tried from one address that block it")
    int address_distinct_logins() default 5;

    @AttributeDefinition(description = "§43: window in which those logins are counted, minutes")
    int address_window_minutes() default 60;

    @AttributeDefinition(description = "§43: how long an address stays blocked, hours")
    int address_block_hours() default 24;

    @AttributeDefinition(description = "§43: addresses never blocked (the broker's offices), comma-separated IPs or CIDRs")
    String address_allow_list() default "";

    @AttributeDefinition(description = "A session ends after this long without requests, minutes")
    int session_idle_minutes() default 15;

    @AttributeDefinition(description = "A session ends this long after login whatever happens, hours")
    int session_absolute_hours() default 12;

    @AttributeDefinition(description = "§35.2: lifetime of a QR code shown for approval, seconds")
    int qr_lifetime_seconds() default 120;

    @AttributeDefinition(description = "Login of the administrator created when none exists")
    String admin_login() default "admin";

    @AttributeDefinition(description = "Phone (E.164) of that administrator: where its login codes go")
    String admin_phone() default "";

    @AttributeDefinition(description = "E-mail of that administrator")
    String admin_email() default "";

    @AttributeDefinition(description = "Its first password; when empty one is generated into <data>/secrets/admin-password and must be changed at first login")
    String admin_password() default "";

    @AttributeDefinition(description = "File holding the key one-time codes are hashed with; nodes sharing a database must share it. Default <data>/secrets/auth-code.key")
    String code_key_file() default "";
}
