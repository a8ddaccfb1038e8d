package kz.qyzmet.provisioning.api;

import java.util.List;

/**
 * A feature and whether it runs.
 *
 * @param name        the feature's name (its artifact id, e.g. {@code qyzmet-service-demo})
 * @param title       its name for people
 * @param description what it brings
 * @param bundles     its bundles as {@code group:artifact:version}, included features' bundles too
 * @param running     whether all of its bundles are installed
 * @param origin      why it runs: {@link Origin#STARTUP}, {@link Origin#RUNTIME}, or {@link Origin#NONE}
 */
public record FeatureState(String name, String title, String description, List<String> bundles, boolean running,
        Origin origin) {

    public enum Origin {
        /** Named in the platform's settings ({@code qyzmet.features}); part of every start. */
        STARTUP,
        /** Installed by an operator while the platform ran; reinstalled at every start until removed. */
        RUNTIME,
        /** Not running. */
        NONE
    }
}
