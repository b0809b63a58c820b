package io.catalyst.demodata;

/** Just enough JSON writing for the {@code rawJson} of generated records: one flat or nested object. */
final class Json {

    private final StringBuilder out = new StringBuilder(160).append('{');

    Json str(String key, Object value) {
        key(key);
        if (value == null) {
            out.append("null");
        } else {
            quote(String.valueOf(value));
        }
        return this;
    }

    /** A number (or boolean) written as it prints. */
    Json num(String key, Object value) {
        key(key);
        out.append(value);
        return this;
    }

    Json obj(String key, Json value) {
        key(key);
        out.append(value);
        return this;
    }

    private void key(String key) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(key);
        out.append(':');
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out + "}";
    }
}
