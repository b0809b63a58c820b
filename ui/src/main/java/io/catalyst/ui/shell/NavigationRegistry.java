package io.catalyst.ui.shell;

import com.vaadin.flow.server.VaadinContext;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The screens the side navigation offers, contributed by the core and, at runtime, by plugins. One per
 * application, kept in the {@link VaadinContext}. Each layout reads it when it is built, so a screen registered
 * later appears on the next page load.
 */
public final class NavigationRegistry implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Comparator<NavEntry> ORDER =
            Comparator.comparingInt(NavEntry::order).thenComparing(NavEntry::title);

    private final Map<String, NavEntry> byPath = new ConcurrentHashMap<>();

    public static NavigationRegistry of(VaadinContext context) {
        return context.getAttribute(NavigationRegistry.class, NavigationRegistry::new);
    }

    /** Adds an entry, or replaces the one at the same path. */
    public void register(NavEntry entry) {
        byPath.put(entry.path(), entry);
    }

    public void unregister(String path) {
        byPath.remove(path);
    }

    /** The entries the signed-in user may open, in navigation order. */
    public List<NavEntry> visibleEntries() {
        return entries().stream().filter(e -> e.permission() == null || UserSession.permits(e.permission())).toList();
    }

    /** All entries, in navigation order. */
    public List<NavEntry> entries() {
        return byPath.values().stream().sorted(ORDER).toList();
    }
}
