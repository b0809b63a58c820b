package io.catalyst.ui.shell;

import jakarta.enterprise.inject.spi.CDI;

/**
 * Looks up a platform CDI bean ({@code CDI.current()}) when called. Screens are built by vaadin-cdi and could have
 * beans injected (SignInView does); most call this instead, in a field initializer or where they use the bean. It
 * also works in code CDI does not build (listeners, components made with {@code new}). Nothing is resolved before
 * the call, so a Karibu unit test, which builds screens without a CDI container, can build one whose lookups sit in
 * listeners (MainLayout).
 */
public final class Services {

    private Services() {
    }

    /** The bean of this type; throws if CDI is not running (as in a unit test) or no single bean matches. */
    public static <T> T get(Class<T> service) {
        return CDI.current().select(service).get();
    }

    /** The bean of this type, or empty where no CDI container runs (a Karibu unit test builds the screen alone). */
    public static <T> java.util.Optional<T> find(Class<T> service) {
        CDI<Object> container;
        try {
            container = CDI.current();
        } catch (IllegalStateException noContainer) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(container.select(service).get());
    }
}
