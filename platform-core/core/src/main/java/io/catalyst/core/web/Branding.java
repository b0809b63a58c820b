package io.catalyst.core.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A company's colour as a theme: Lumo's primary-colour properties, so the shell's buttons, links, focus rings and the
 * selected screen take it, and the colours its mails are drawn in. Text in the colour is kept readable on white (WCAG AA, 4.5:1) by darkening it where
 * needed, and text on the colour is white or black, whichever reads better. Anything but {@code #rrggbb} gives no
 * theme at all: the value ends up in a style attribute.
 */
public final class Branding {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    static final double READABLE = 4.5;

    private Branding() {
    }

    /** The CSS custom properties for the colour; empty when it is not {@code #rrggbb}. */
    public static Map<String, String> of(String colour) {
        if (colour == null || !HEX.matcher(colour).matches()) {
            return Map.of();
        }
        int[] rgb = rgb(colour);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("--lumo-primary-color", colour.toLowerCase(Locale.ROOT));
        properties.put("--lumo-primary-color-50pct", rgba(rgb, 0.5));
        properties.put("--lumo-primary-color-10pct", rgba(rgb, 0.1));
        properties.put("--lumo-primary-text-color", hex(readableOnWhite(rgb)));
        properties.put("--lumo-primary-contrast-color", contrast(rgb, new int[] {255, 255, 255})
                >= contrast(rgb, new int[] {0, 0, 0}) ? "#ffffff" : "#000000");
        return properties;
    }

    /** The WCAG contrast ratio of two colours, 1 to 21. */
    static double contrast(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    // darkened in steps of 5% until it reads on white
    private static int[] readableOnWhite(int[] rgb) {
        int[] c = rgb.clone();
        int[] white = {255, 255, 255};
        while (contrast(c, white) < READABLE) {
            for (int i = 0; i < 3; i++) {
                c[i] = (int) Math.floor(c[i] * 0.95);
            }
        }
        return c;
    }

    private static double luminance(int[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = rgb[i] / 255.0;
            linear[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    static int[] rgb(String hex) {
        return new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
                Integer.parseInt(hex.substring(5, 7), 16)};
    }

    private static String hex(int[] rgb) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    private static String rgba(int[] rgb, double alpha) {
        return String.format(Locale.ROOT, "rgba(%d, %d, %d, %.1f)", rgb[0], rgb[1], rgb[2], alpha);
    }
}
