package kz.qyzmet.clients.api;

import java.util.List;
import java.util.Map;

/**
 * An operator's search (rules §16.2): criteria by field name (see {@link ClientRecords#FIELDS}),
 * all of which must match; text fields match anywhere, case-insensitively.
 * With {@code includeFormer}, a client matches if any earlier version matched (a former
 * name or phone, rules §16.1). {@code sort} lists fields, a leading '-' sorting descending.
 */
public record ClientQuery(Map<String, String> criteria, boolean includeFormer, List<String> sort, int limit, int offset) {
    public static final int MAX_LIMIT = 500;

    public ClientQuery {
        criteria = Map.copyOf(criteria);
        sort = List.copyOf(sort);
    }
}
