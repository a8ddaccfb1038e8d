package kz.qyzmet.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The database the platform uses (settings {@code qyzmet.db.*}, environment
 * {@code QYZMET_DB_URL}, {@code QYZMET_DB_USER}, {@code QYZMET_DB_PASSWORD}).
 * The launcher fills these in for the embedded MariaDB when no URL is given.
 */
@ObjectClassDefinition(name = "Qyzmet database", description = "MariaDB 10.6+ connection and pool")
@interface DatabaseConfiguration {
    @AttributeDefinition(description = "JDBC URL, e.g. jdbc:mariadb://db.example:3306/qyzmet")
    String url();

    @AttributeDefinition(description = "Database user")
    String user() default "qyzmet";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Database password")
    String password() default "";

    @AttributeDefinition(description = "Account the migrations run as (DDL, triggers, grants to the runtime role);"
            + " empty: the runtime account itself")
    String migration_user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the migration account")
    String migration_password() default "";

    @AttributeDefinition(description = "Largest number of pooled connections")
    int pool_size() default 16;

    @AttributeDefinition(description = "Milliseconds to wait for a free connection before failing")
    long pool_timeout_ms() default 5_000;
}
