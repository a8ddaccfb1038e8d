package kz.qyzmet.registry.api;

/** How the broker processes a request to the service. */
public enum Processing {
    /** Answered at once by the system. */
    INSTANT,
    /** Taken into work by staff within a number of business days (§7.2). */
    STAFF
}
