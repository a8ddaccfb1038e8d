package kz.qyzmet.provisioning.internal;

import java.time.LocalDateTime;

/** A row of {@code provisioning_feature}. */
public class RuntimeFeatureRow {
    public String name;
    public LocalDateTime installedAt;
    public String installedBy;
    public LocalDateTime removedAt;
    public String removedBy;
}
