package kz.qyzmet.benchmark.auth;

import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings {@code qyzmet.benchmark.*} (environment {@code QYZMET_BENCHMARK_SECONDS}, …). */
@ObjectClassDefinition(name = "Qyzmet login benchmark")
@interface AuthBenchmarkConfiguration {
    /** Seconds each scenario runs. */
    int seconds() default 10;

    /** Client identities the logins rotate over. */
    int identities() default 50;

    /** Port of the platform's plain listener on 127.0.0.1 ({@code QYZMET_HTTP_PORT}): logins go through HTTP without TLS. */
    int port();

    /** The administrator's password ({@code QYZMET_AUTH_ADMIN_PASSWORD}), to create the identities. */
    String admin_password();

    /** Stop the platform when done (the runner script waits for that). */
    boolean stop() default true;
}
