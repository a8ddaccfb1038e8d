package kz.qyzmet.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The audit journal's second store (rules §33: the transaction log also kept on an
 * additional server): settings {@code qyzmet.auditstore.*}, environment
 * {@code QYZMET_AUDITSTORE_URL}, {@code _USER}, {@code _PASSWORD}. With the
 * embedded database the launcher points it at a second database.
 */
@ObjectClassDefinition(name = "Qyzmet audit journal second store")
@interface AuditStoreConfiguration {
    @AttributeDefinition(description = "JDBC URL of a MariaDB on another server, e.g. jdbc:mariadb://audit.example:3306/qyzmet_audit")
    String url();

    String user() default "qyzmet";

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Account the second store's migrations run as; empty: the account above")
    String migration_user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String migration_password() default "";
}
