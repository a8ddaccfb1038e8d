package kz.qyzmet.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Operator access until real authentication arrives (issue #4 replaces this):
 * operators send {@code Authorization: Bearer <key>}. Set by the setting
 * {@code qyzmet.operator.key} / environment {@code QYZMET_OPERATOR_KEY}.
 */
@ObjectClassDefinition(name = "Qyzmet operator access",
        description = "Shared key that opens /api/v1/operator endpoints; empty keeps them closed.")
@interface OperatorAccessConfiguration {
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "At least 32 characters; empty closes the operator endpoints.")
    String key() default "";
}
