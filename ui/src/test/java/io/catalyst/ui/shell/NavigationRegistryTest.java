package io.catalyst.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NavigationRegistryTest {

    @Test
    void ordersByOrderThenTitleAndReplacesByPath() {
        NavigationRegistry registry = new NavigationRegistry();
        registry.register(new NavEntry("b", "Beta", "vaadin:b", 200, "core"));
        registry.register(new NavEntry("a", "Alpha", "vaadin:a", 200, "core"));
        registry.register(new NavEntry("", "Home", "vaadin:home", 0, "core"));
        registry.register(new NavEntry("b", "Beta v2", "vaadin:b", 100, "plugin"));

        assertThat(registry.entries()).extracting(NavEntry::title).containsExactly("Home", "Beta v2", "Alpha");

        registry.unregister("b");
        assertThat(registry.entries()).extracting(NavEntry::path).containsExactly("", "a");
    }

    @Test
    void pathsAreRelative() {
        assertThatThrownBy(() -> new NavEntry("/x", "X", "vaadin:x", 1, "core"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/x");
        assertThat(new NavEntry("x/y", "X", "vaadin:x", 1, "core").href()).isEqualTo("/x/y");
    }
}
