package io.catalyst.runtime;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin class loader: it lets through only the packages plugins may share with the host (the
 * plugin API, PF4J, slf4j, Jakarta, Vaadin and what Vaadin needs) and the JDK. Without it a class missing from a plugin
 * would silently come from the host, so plugins could couple to host internals such as {@code io.catalyst.core}.
 *
 * <p>Not a sandbox: reflection on objects the host hands over still reaches host classes.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    /** Package prefixes a plugin may load from the host. Anything else is invisible to plugins. */
    static final List<String> SHARED_PREFIXES = List.of(
            "io.catalyst.api.", "org.pf4j.", "org.slf4j.", "jakarta.", "com.vaadin.", "elemental.", "org.jsoup.");

    private final ClassLoader host;

    /** @param host the loader that sees plugin-api and the shared libraries (the web application's in the server) */
    ApiOnlyClassLoader(ClassLoader host) {
        // the platform loader as parent: JDK classes (java., javax., jdk.) stay visible, the application's do not
        super("catalyst-plugin-api-gate", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    /** Whether a class (binary name) is shared from the host. */
    static boolean isShared(String className) {
        for (String prefix : SHARED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSharedResource(String name) {
        return isShared(name.replace('/', '.'));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return isShared(name) ? host.loadClass(name) : super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return isSharedResource(name) ? host.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        // the host's META-INF files (extension indexes, service files) must not leak into plugins
        return isSharedResource(name) ? host.getResources(name) : Collections.emptyEnumeration();
    }
}
