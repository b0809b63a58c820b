package io.catalyst.api.ui.kit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The kit's colours: an accent (a tenant's brand colour, later) that leads the chart palette, the rest of the
 * palette, and the colours of good, bad and neutral news.
 *
 * @param accent   CSS hex colour, e.g. {@code #1676f3}
 * @param palette  series colours after the accent
 * @param positive colour of good news (a rise in revenue, a fall in CPA)
 * @param negative colour of bad news
 * @param neutral  colour of figures without a comparison
 */
public record KitTheme(String accent, List<String> palette, String positive, String negative, String neutral)
        implements Serializable {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    /** Lumo-like defaults. */
    public static final KitTheme DEFAULT = new KitTheme("#1676f3",
            List.of("#12a58c", "#f29c1f", "#8e44ad", "#e4566b", "#2c3e50", "#5dade2", "#a3b808", "#d35400"),
            "#16834a", "#c9283e", "#6b7785");

    public KitTheme {
        Objects.requireNonNull(accent, "accent");
        if (!HEX.matcher(accent).matches()) {
            throw new IllegalArgumentException("the accent is a colour like #1676f3, not " + accent);
        }
        palette = List.copyOf(palette);
    }

    /** The same theme with another accent colour (a tenant's branding). */
    public KitTheme withAccent(String colour) {
        return new KitTheme(colour, palette, positive, negative, neutral);
    }

    /** Series colours: the accent first. */
    public List<String> colours() {
        List<String> all = new ArrayList<>();
        all.add(accent);
        palette.stream().filter(c -> !c.equalsIgnoreCase(accent)).forEach(all::add);
        return all;
    }

    /** The n-th series colour, cycling. */
    public String colour(int n) {
        List<String> all = colours();
        return all.get(Math.floorMod(n, all.size()));
    }
}
