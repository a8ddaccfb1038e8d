package kz.qyzmet.documents.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings {@code qyzmet.documents.*} (PID {@code kz.qyzmet.documents}). */
@ObjectClassDefinition(name = "Qyzmet documents")
public @interface DocumentsConfiguration {
    @AttributeDefinition(description = "Public address of the API as clients reach it; the QR code on every document points"
            + " to <this>documents/verification/<number>")
    String public_base_url() default "https://localhost:8443/api/v1/";

    @AttributeDefinition(description = "The broker's name in the header, Kazakh")
    String broker_name_kk() default "«Qyzmet Broker» АҚ";

    String broker_name_ru() default "АО «Qyzmet Broker»";

    String broker_name_en() default "Qyzmet Broker JSC";

    @AttributeDefinition(description = "Address and licence line under the name, Kazakh")
    String broker_details_kk() default "Алматы қ., Әл-Фараби даңғылы, 77/7 · Бағалы қағаздар нарығындағы қызметке лицензия № 3.2.238/15";

    String broker_details_ru() default "г. Алматы, пр. Аль-Фараби, 77/7 · Лицензия на деятельность на рынке ценных бумаг № 3.2.238/15";

    String broker_details_en() default "77/7 Al-Farabi Ave, Almaty · Securities market licence No. 3.2.238/15";

    @AttributeDefinition(description = "Keystore with the broker's document-signing key and certificate chain (PAdES);"
            + " unset: a self-signed key generated into <data>/documents/signing.p12")
    String signing_keystore() default "";

    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String signing_keystore_password() default "";

    String signing_keystore_type() default "PKCS12";

    @AttributeDefinition(description = "Alias of the key in the keystore; unset: its first key")
    String signing_key_alias() default "";

    @AttributeDefinition(description = "Public verifications (lookups and uploads) allowed per client address and minute")
    int verification_per_minute() default 30;
}
