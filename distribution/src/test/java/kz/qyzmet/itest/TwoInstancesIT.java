package kz.qyzmet.itest;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

import kz.qyzmet.launcher.Platform;

/**
 * Two platforms with their own data directories and ports run side by side on
 * one machine, also when both start for the first time at the same moment (their
 * embedded databases are installed concurrently).
 */
public class TwoInstancesIT {

    @Test
    public void twoPlatformsFirstStartedTogetherBothServe() throws Exception {
        List<LauncherSupport> launchers = List.of(new LauncherSupport("twin-a"), new LauncherSupport("twin-b"));
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            List<Future<Platform>> starting = launchers.stream().map(launcher -> starter.submit(launcher::start)).toList();
            try (Platform first = starting.get(0).get(); Platform second = starting.get(1).get()) {
                for (LauncherSupport launcher : launchers) {
                    assertEquals(200, launcher.get("catalog").statusCode());
                }
            }
        } finally {
            starter.shutdownNow();
        }
    }
}
