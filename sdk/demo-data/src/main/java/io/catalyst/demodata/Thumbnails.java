package io.catalyst.demodata;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A creative's thumbnail: a small SVG in its own colour, as a data: URI, so a demo never loads an image. */
final class Thumbnails {

    private Thumbnails() {
    }

    static String dataUri(int hue, String title) {
        String initials = initials(title);
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' width='96' height='96' viewBox='0 0 96 96'>"
                + "<rect width='96' height='96' rx='12' fill='hsl(" + hue + ",62%,52%)'/>"
                + "<circle cx='72' cy='24' r='13' fill='hsl(" + (hue + 40) % 360 + ",85%,82%)'/>"
                + "<text x='12' y='80' font-family='sans-serif' font-size='30' font-weight='bold' fill='#fff'>"
                + initials + "</text></svg>";
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    private static String initials(String title) {
        StringBuilder s = new StringBuilder();
        for (String word : title.split("\\s+")) {
            if (!word.isEmpty() && Character.isLetterOrDigit(word.charAt(0)) && s.length() < 2) {
                s.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return s.toString();
    }
}
