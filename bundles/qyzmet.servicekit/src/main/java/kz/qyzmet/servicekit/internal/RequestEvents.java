package kz.qyzmet.servicekit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request's progress pushed as server-sent events: the request's view is read
 * from the database every half second (the work may run on another node) and
 * sent whenever it changed; the stream ends after the view of a final status,
 * or after {@link #LONGEST}, so that a browser's EventSource does not reconnect
 * for ever.
 */
final class RequestEvents implements AutoCloseable {
    static final Duration LONGEST = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(RequestEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(
            new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ScheduledExecutorService pushing = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "qyzmet-request-events");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Streams {@code view} to the sink.
     *
     * @param view  the request's view now (status, progress…)
     * @param done  whether that view is the last one
     */
    <V> void stream(SseEventSink sink, Sse sse, Supplier<V> view, java.util.function.Predicate<V> done) {
        Instant until = Instant.now().plus(LONGEST);
        AtomicReference<String> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(pushing.scheduleWithFixedDelay(() -> {
            try {
                if (sink.isClosed()) {
                    cancel(task);
                    return;
                }
                V now = view.get();
                String data = JSON.writeValueAsString(now);
                if (!Objects.equals(data, last.getAndSet(data))) {
                    sink.send(sse.newEventBuilder().name("request").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(String.class, data).build());
                }
                if (done.test(now) || Instant.now().isAfter(until)) {
                    sink.close();
                    cancel(task);
                }
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("request events ended: {}", e.toString());
                close(sink);
                cancel(task);
            }
        }, 0, 500, TimeUnit.MILLISECONDS));
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> future = task.get();
        if (future != null) {
            future.cancel(false);
        }
    }

    private static void close(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException alreadyGone) {
            // the client left
        }
    }

    @Override
    public void close() {
        pushing.shutdownNow();
    }
}
