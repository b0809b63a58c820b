package io.catalyst.plugins.notes;

import io.catalyst.api.PluginContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The notes of the context's company, in the plugin's own table (row-level security keeps other companies out). */
final class Notes {

    static final int MAX_LENGTH = 4000;

    private Notes() {
    }

    /** One note. */
    record Note(UUID id, String text, String author, OffsetDateTime createdAt) {
        String json() {
            return "{\"id\":\"" + id + "\",\"text\":" + quote(text) + ",\"author\":" + quote(author)
                    + ",\"createdAt\":\"" + createdAt + "\"}";
        }
    }

    static List<Note> newestFirst(PluginContext ctx, int limit) {
        return ctx.data().query("select id, text, author, created_at from note order by created_at desc limit ?",
                limit).stream().map(Notes::of).toList();
    }

    static Optional<Note> find(PluginContext ctx, UUID id) {
        return ctx.data().query("select id, text, author, created_at from note where id = ?", id).stream()
                .findFirst().map(Notes::of);
    }

    static Note add(PluginContext ctx, String text, String author) {
        UUID id = UUID.randomUUID();
        ctx.data().update("insert into note (id, text, author) values (?, ?, ?)", id, text, author);
        ctx.audit().record("note.added", id.toString(), null, text);
        return find(ctx, id).orElseThrow();
    }

    static int deleteOlderThan(PluginContext ctx, int days) {
        return ctx.data().update("delete from note where created_at < now() - make_interval(days => ?)", days);
    }

    private static Note of(Map<String, Object> row) {
        return new Note((UUID) row.get("id"), (String) row.get("text"), (String) row.get("author"),
                (OffsetDateTime) row.get("created_at"));
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
