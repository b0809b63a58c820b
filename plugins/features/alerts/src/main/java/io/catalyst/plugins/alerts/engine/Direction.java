package io.catalyst.plugins.alerts.engine;

import java.util.Locale;

/** Which way a breach goes: up (above a threshold, a rise), down, or either. */
public enum Direction {
    UP, DOWN, EITHER;

    /** Whether a signed deviation (value minus bound, or a change) counts in this direction. */
    public boolean matches(double deviation) {
        return switch (this) {
            case UP -> deviation > 0;
            case DOWN -> deviation < 0;
            case EITHER -> deviation != 0;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction of(String id) {
        for (Direction d : values()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + id + "'; known: up, down, either");
    }
}
