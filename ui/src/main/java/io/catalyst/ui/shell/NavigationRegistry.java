package io.catalyst.ui.shell;

import com.vaadin.flow.server.VaadinContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The screens the side navigation offers: those the screens declare ({@link Navigation}, {@link ScreenContribution}),
 * registered when Vaadin starts, and those of {@link NavigationSource}s, such as the plugin screens of the user's
 * tenant, asked on each page load. One per application, kept in the {@link VaadinContext}. Each layout reads it when
 * it is built, so a screen registered later appears on the next page load.
 */
public final class NavigationRegistry implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Comparator<NavEntry> ORDER =
            Comparator.comparingInt(NavEntry::order).thenComparing(NavEntry::title);

    private final Map<String, NavEntry> byPath = new ConcurrentHashMap<>();
    private final Map<Class<?>, NavigationSource> sources = new ConcurrentHashMap<>();
    private final Map<Class<?>, PanelSource> panelSources = new ConcurrentHashMap<>();

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

    /** Adds entries worked out for the signed-in user each time the navigation is built; one source per class. */
    public void addSource(NavigationSource source) {
        sources.put(source.getClass(), source);
    }

    /** Adds panels worked out for the signed-in user each time the top bar is built; one source per class. */
    public void addPanelSource(PanelSource source) {
        panelSources.put(source.getClass(), source);
    }

    /** The panels the signed-in user may open beside every screen. */
    public List<PanelSource.Panel> panels() {
        List<PanelSource.Panel> panels = new ArrayList<>();
        panelSources.values().forEach(source -> panels.addAll(source.panels()));
        return panels;
    }

    /** The side navigation of the signed-in user: the entries they may open and those of the sources, by order. */
    public List<NavEntry> sideNavigation() {
        List<NavEntry> entries = new ArrayList<>(visibleEntries());
        for (NavigationSource source : sources.values()) {
            entries.addAll(source.entries());
        }
        entries.sort(Comparator.comparingInt(NavEntry::order));
        return entries;
    }

    /** The registered entries the signed-in user may open, in navigation order. */
    public List<NavEntry> visibleEntries() {
        return entries().stream().filter(e -> e.permission() == null || UserSession.permits(e.permission())).toList();
    }

    /** All entries, in navigation order. */
    public List<NavEntry> entries() {
        return byPath.values().stream().sorted(ORDER).toList();
    }
}
