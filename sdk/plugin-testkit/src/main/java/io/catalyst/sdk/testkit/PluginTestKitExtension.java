package io.catalyst.sdk.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands each test (or lifecycle method) a freshly booted {@link PluginTestKit} parameter and
 * closes it when the test is done.
 *
 * <pre>
 * &#64;ExtendWith(PluginTestKitExtension.class)
 * class HelloEndpointTest {
 *     &#64;Test
 *     void greets(PluginTestKit kit) {
 *         assertThat(kit.rest(HttpMethod.GET, "/hello").status()).isEqualTo(200);
 *     }
 * }
 * </pre>
 */
public final class PluginTestKitExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PluginTestKit.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == PluginTestKit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        // JUnit closes AutoCloseable values when their context ends, so the kit lives exactly as long as the test
        return extension.getStore(NAMESPACE).getOrComputeIfAbsent("kit", k -> PluginTestKit.boot(), PluginTestKit.class);
    }
}
