package kz.qyzmet.persistence.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Migrations run as another account than the pool (rules §45 by privileges:
 * the runtime account may not alter tables or drop triggers; the owner that runs
 * the migrations may). Each store's pool is registered here with the data source
 * its migrations use; a store that names no migration account migrates with its
 * own.
 */
final class MigrationSources {
    private static final Map<DataSource, DataSource> BY_STORE = new ConcurrentHashMap<>();

    private MigrationSources() {
    }

    static void register(DataSource store, String url, String user, String password) throws java.sql.SQLException {
        if (user == null || user.isBlank()) {
            return;
        }
        MariaDbDataSource owner = new MariaDbDataSource(url);
        owner.setUser(user);
        owner.setPassword(password);
        BY_STORE.put(store, owner);
    }

    static void forget(DataSource store) {
        BY_STORE.remove(store);
    }

    static DataSource of(DataSource store) {
        return BY_STORE.getOrDefault(store, store);
    }
}
