package kz.qyzmet.benchmark.ledger;

import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings {@code qyzmet.benchmark.*} (environment {@code QYZMET_BENCHMARK_SECONDS}, …). */
@ObjectClassDefinition(name = "Qyzmet ledger benchmark")
@interface BenchmarkConfiguration {
    /** Seconds each transfer scenario runs. */
    int seconds() default 10;

    /** Client accounts transfers move money between. */
    int accounts() default 1000;

    /** Entries per transaction in the batched scenarios. */
    int batch() default 100;

    /** Operations on the account whose as-of balance and statement are timed. */
    int operations() default 100_000;

    /** Stop the platform when done (the runner script waits for that). */
    boolean stop() default true;
}
