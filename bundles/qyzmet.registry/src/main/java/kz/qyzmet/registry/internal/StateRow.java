package kz.qyzmet.registry.internal;

import java.time.LocalDateTime;

/** One row of {@code registry_service_state}; times are UTC. */
public class StateRow {
    public String serviceId;
    public String state;
    public String reasonKk;
    public String reasonRu;
    public String reasonEn;
    public LocalDateTime changedAt;
    public String changedBy;
}
