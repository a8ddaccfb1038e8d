package kz.qyzmet.servicetest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a real platform: {@code java -jar} of the
 * platform jar named by the system property {@value TestPlatform#JAR_PROPERTY}
 * (its embedded MariaDB, a fresh data directory, dev mode), with the bundles of
 * {@link #deploy()} uploaded once it is ready. Test methods take a
 * {@link TestPlatform} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(QyzmetPlatformExtension.class)
public @interface QyzmetPlatform {
    /** Bundle jars to deploy, relative to the project directory; {@code *} matches within a file name. */
    String[] deploy() default { "target/*.jar" };
}
