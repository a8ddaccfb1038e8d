package kz.qyzmet.clients.internal;

import java.time.LocalDateTime;

public class SavedSearchRow {
    public Long id;
    public String operator;
    public String name;
    public String query;
    public LocalDateTime createdAt;
}
