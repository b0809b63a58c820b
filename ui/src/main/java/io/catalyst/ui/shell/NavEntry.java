package io.catalyst.ui.shell;

import java.util.Objects;

/**
 * One item of the side navigation.
 *
 * @param path       the route, without a leading slash ("" is home)
 * @param title      the label people read
 * @param icon       an icon name such as {@code vaadin:home}
 * @param order      position: lower first; core screens use hundreds, plugins fill the gaps
 * @param source     who contributed it: {@code core} or a plugin id
 * @param permission what a user needs to see it (and open it), or null for every signed-in user
 */
public record NavEntry(String path, String title, String icon, int order, String source, String permission) {

    public NavEntry(String path, String title, String icon, int order, String source) {
        this(path, title, icon, order, source, null);
    }

    public NavEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("A navigation path has no leading slash: " + path);
        }
    }

    public String href() {
        return "/" + path;
    }
}
