package kz.qyzmet.rest.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Component;

/**
 * The requests being served, for a graceful stop (issue #11, item 11): the
 * launcher runs this (a {@code Runnable} service with {@value #DRAIN_PROPERTY})
 * before it stops the framework; from then on new requests are refused with a
 * 503 and {@code Retry-After} (a load balancer sends them to another node), and
 * the stop waits until those in flight have answered, at most {@value #LONGEST_MILLIS} ms.
 */
@Component(service = { InFlight.class, Runnable.class }, property = InFlight.DRAIN_PROPERTY + "=true")
public class InFlight implements Runnable {
    static final String DRAIN_PROPERTY = "qyzmet.platform.drain";
    static final long LONGEST_MILLIS = 4000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int serving;
    private volatile boolean stopping;

    /** A request begins; false once the platform is stopping (refuse it). */
    boolean enter() {
        lock.lock();
        try {
            if (stopping) {
                return false;
            }
            serving++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A request has its answer. */
    void leave() {
        lock.lock();
        try {
            if (serving > 0 && --serving == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    boolean stopping() {
        return stopping;
    }

    /** Stops taking requests and waits for those in flight. */
    @Override
    public void run() {
        lock.lock();
        try {
            stopping = true;
            long left = TimeUnit.MILLISECONDS.toNanos(LONGEST_MILLIS);
            while (serving > 0 && left > 0) {
                left = idle.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
