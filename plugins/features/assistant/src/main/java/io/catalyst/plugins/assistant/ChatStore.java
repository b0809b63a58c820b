package io.catalyst.plugins.assistant;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.api.host.PluginData;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Each person's conversations with the assistant. Every read and write names the user: nobody sees another person's
 * chats, and row-level security keeps each company's to itself.
 */
final class ChatStore {

    /** A conversation in the history list. */
    record Conversation(UUID id, String title, OffsetDateTime updatedAt) {
    }

    /** A stored message. */
    record Message(String role, String body, List<ToolResult.Figure> figures, int unverified) {
    }

    private final PluginData data;
    private final UUID user;

    ChatStore(PluginContext ctx) {
        this.data = ctx.data();
        this.user = ctx.user().orElseThrow(() -> new IllegalStateException("a chat belongs to a person")).id();
    }

    UUID start(String question) {
        UUID id = UUID.randomUUID();
        String title = question.strip().replaceAll("\\s+", " ");
        data.update("insert into conversation (id, user_id, title) values (?, ?, ?)", id, user,
                title.length() > 120 ? title.substring(0, 119) + "…" : title);
        return id;
    }

    void add(UUID conversation, String role, String body, List<ToolResult.Figure> figures, long unverified,
             List<String> tools) {
        if (!mine(conversation)) {
            throw new IllegalArgumentException("no such conversation");
        }
        String text = body.length() > 20_000 ? body.substring(0, 20_000) : body;
        data.update("insert into chat_message (conversation_id, seq, role, body, figures, unverified, tools) values (?,"
                + " (select coalesce(max(seq), 0) + 1 from chat_message where conversation_id = ?), ?, ?, ?, ?, ?)",
                conversation, conversation, role, text, figures.isEmpty() ? null : json(figures), (int) unverified,
                tools.isEmpty() ? null : toolsJson(tools));
        data.update("update conversation set updated_at = now() where id = ? and user_id = ?", conversation, user);
    }

    List<Conversation> conversations() {
        return data.query("select id, title, updated_at from conversation where user_id = ? order by updated_at desc"
                + " limit 100", user).stream().map(r -> new Conversation((UUID) r.get("id"), (String) r.get("title"),
                (OffsetDateTime) r.get("updated_at"))).toList();
    }

    List<Message> messages(UUID conversation) {
        if (!mine(conversation)) {
            return List.of();
        }
        return data.query("select role, body, figures, unverified from chat_message where conversation_id = ? order by"
                + " seq", conversation).stream().map(r -> new Message((String) r.get("role"), (String) r.get("body"),
                figures((String) r.get("figures")), ((Number) r.get("unverified")).intValue())).toList();
    }

    boolean delete(UUID conversation) {
        return data.update("delete from conversation where id = ? and user_id = ?", conversation, user) > 0;
    }

    int deleteAll() {
        return data.update("delete from conversation where user_id = ?", user);
    }

    private boolean mine(UUID conversation) {
        return !data.query("select 1 from conversation where id = ? and user_id = ?", conversation, user).isEmpty();
    }

    private static String json(List<ToolResult.Figure> figures) {
        JsonArray all = Json.createArray();
        for (ToolResult.Figure f : figures) {
            JsonObject o = Json.createObject();
            o.put("label", f.label());
            o.put("value", f.value().toPlainString());
            o.put("format", f.format());
            if (f.link() != null) {
                o.put("link", f.link());
            }
            all.set(all.length(), o);
        }
        return all.toJson();
    }

    private static String toolsJson(List<String> tools) {
        JsonArray all = Json.createArray();
        tools.forEach(t -> all.set(all.length(), t));
        return all.toJson();
    }

    static List<ToolResult.Figure> figures(String json) {
        if (json == null) {
            return List.of();
        }
        JsonArray all = (JsonArray) Json.instance().parse(json);
        List<ToolResult.Figure> out = new ArrayList<>();
        for (int i = 0; i < all.length(); i++) {
            JsonObject o = all.getObject(i);
            out.add(new ToolResult.Figure(o.getString("label"), new BigDecimal(o.getString("value")),
                    o.getString("format"), o.hasKey("link") ? o.getString("link") : null));
        }
        return out;
    }
}
