package kz.qyzmet.auth.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must not show in a request's answer or its timing (rules §22: a
 * recovery request never tells whether the account exists), done on one
 * background thread after the answer has gone. The queue is bounded: past it a
 * request is dropped and logged, as an SMS gateway under the same flood would.
 */
final class OffPath implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OffPath.class);
    private final ThreadPoolExecutor executor;

    OffPath(String threadName) {
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    void submit(String what, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("{} request failed off the request path", what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("{} request dropped: {} are waiting already", what, executor.getQueue().size());
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
