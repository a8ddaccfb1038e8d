package kz.qyzmet.deployment.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of deployment, PID {@code kz.qyzmet.deployment}; as platform settings
 * {@code qyzmet.deployment.*} or {@code QYZMET_DEPLOYMENT_*}.
 */
@ObjectClassDefinition(name = "Qyzmet deployment")
public @interface DeploymentConfiguration {

    @AttributeDefinition(description = "Trust store (PKCS12 or JKS) holding the certificates whose signatures are accepted on service bundles")
    String trust_store() default "";

    @AttributeDefinition(description = "Password of the trust store", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String trust_store_password() default "";

    @AttributeDefinition(description = "Type of the trust store")
    String trust_store_type() default "PKCS12";

    @AttributeDefinition(description = "Whether service bundles must be signed: auto (yes in production, no in dev and demo), true or false")
    String require_signatures() default "auto";

    @AttributeDefinition(description = "How often the deploy directory is looked at, in milliseconds")
    long poll_ms() default 500;

    @AttributeDefinition(description = "How often the bundles deployed on other nodes are looked for, in milliseconds")
    long cluster_poll_ms() default 2000;
}
