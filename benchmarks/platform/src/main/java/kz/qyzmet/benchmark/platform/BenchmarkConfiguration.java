package kz.qyzmet.benchmark.platform;

import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings {@code qyzmet.benchmark.*} (environment {@code QYZMET_BENCHMARK_SUITE}, {@code QYZMET_BENCHMARK_SECONDS}, …). */
@ObjectClassDefinition(name = "Qyzmet benchmarks")
@interface BenchmarkConfiguration {
    /** Which benchmark: {@code auth}, {@code documents} or {@code withdrawals}. */
    String suite() default "auth";

    /** Seconds each scenario runs. */
    int seconds() default 10;

    /** auth: client identities the logins rotate over. */
    int identities() default 50;

    /** documents: positions (currencies and securities) on the extract's account. */
    int positions() default 50;

    /** documents: operations in the long report. */
    int operations() default 100_000;

    /** Port of the platform's plain listener on 127.0.0.1 ({@code QYZMET_HTTP_PORT}): requests go through HTTP without TLS. */
    int port();

    /** The administrator's password ({@code QYZMET_AUTH_ADMIN_PASSWORD}), to create identities. */
    String admin_password();

    /** Stop the platform when done (the runner script waits for that). */
    boolean stop() default true;
}
