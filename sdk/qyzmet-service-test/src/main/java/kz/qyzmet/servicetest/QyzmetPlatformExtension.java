package kz.qyzmet.servicetest;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts one platform per test class, deploys the bundles under test, stops it after the class. */
public final class QyzmetPlatformExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(QyzmetPlatformExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        QyzmetPlatform settings = context.getRequiredTestClass().getAnnotation(QyzmetPlatform.class);
        TestPlatform platform = TestPlatform.start(settings == null ? new String[] { "target/*.jar" } : settings.deploy());
        context.getStore(NAMESPACE).put(TestPlatform.class, platform);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestPlatform platform = context.getStore(NAMESPACE).remove(TestPlatform.class, TestPlatform.class);
        if (platform != null) {
            platform.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(TestPlatform.class, TestPlatform.class);
    }
}
