package kz.qyzmet.auth.internal;

import java.time.LocalDateTime;

/** A row of {@code auth_address_block}. */
public class AddressBlockRow {
    public String address;
    public LocalDateTime blockedAt;
    public LocalDateTime blockedUntil;
    public int loginsTried;
    public LocalDateTime liftedAt;
    public String liftedBy;
}
