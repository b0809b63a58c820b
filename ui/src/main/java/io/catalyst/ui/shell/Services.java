package io.catalyst.ui.shell;

import jakarta.enterprise.inject.spi.CDI;

/** Platform services for screens, which Vaadin builds itself and so cannot have injected. */
public final class Services {

    private Services() {
    }

    public static <T> T get(Class<T> service) {
        return CDI.current().select(service).get();
    }
}
