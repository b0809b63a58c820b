package io.catalyst.plugins.calls;

import elemental.json.Json;
import elemental.json.JsonArray;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.plugins.calls.transcript.Segment;
import io.catalyst.plugins.calls.transcript.Side;
import io.catalyst.plugins.calls.transcript.Tracker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The company's trackers. A company starts with the ones every sales team asks for (budget, timeline, decision
 * maker, pain, competitors, pricing, objections, next steps); the scorecards' questions name them, so a company that
 * renames or removes one answers those questions by hand.
 */
final class Trackers {

    static final String BUDGET = "Budget";
    static final String TIMELINE = "Timeline";
    static final String DECISION_MAKER = "Decision maker";
    static final String PAIN = "Pain";
    static final String COMPETITORS = "Competitors";
    static final String PRICING = "Pricing";
    static final String OBJECTION = "Price objection";
    static final String NEXT_STEPS = "Next steps";

    static final int MAX_PHRASES = 50;
    static final int MAX_TRACKERS = 100;

    /** A stored tracker. */
    record Stored(UUID id, String name, List<String> phrases, Side side, Segment segment) {
        Tracker tracker() {
            return new Tracker(name, phrases, side, segment);
        }
    }

    private static final List<Tracker> DEFAULTS = List.of(
            new Tracker(BUDGET, List.of("budget", "how much are you spending", "spend per month", "afford",
                    "price range"), Side.REP, Segment.ANY),
            new Tracker(TIMELINE, List.of("timeline", "when are you looking", "by when", "deadline", "go live",
                    "how soon"), Side.REP, Segment.ANY),
            new Tracker(DECISION_MAKER, List.of("decision maker", "who else is involved", "sign off",
                    "who makes the decision", "your boss", "the team decide"), Side.REP, Segment.ANY),
            new Tracker(PAIN, List.of("challenge", "problem", "struggle", "frustrat", "pain point",
                    "what are you using today", "current solution"), null, Segment.ANY),
            new Tracker(COMPETITORS, List.of("competitor", "hubspot", "salesforce", "zoho", "pipedrive",
                    "another vendor", "other quote"), Side.CUSTOMER, Segment.ANY),
            new Tracker(PRICING, List.of("price", "pricing", "cost", "discount", "quote", "per seat"), null,
                    Segment.ANY),
            new Tracker(OBJECTION, List.of("too expensive", "out of our budget", "cheaper", "can't justify",
                    "not the right time", "need to think about it"), Side.CUSTOMER, Segment.ANY),
            new Tracker(NEXT_STEPS, List.of("next step", "send the proposal", "send you the proposal",
                    "book a demo", "schedule a call", "follow up", "calendar invite", "send over the contract"),
                    Side.REP, Segment.CLOSING));

    private Trackers() {
    }

    /** The trackers a company starts with. */
    static List<Tracker> defaults() {
        return DEFAULTS;
    }

    /** The company's trackers; the defaults are written the first time. */
    static List<Stored> all(PluginContext ctx) {
        List<Stored> stored = read(ctx);
        if (stored.isEmpty() && State.get(ctx, "trackers.seeded") == null) {
            for (Tracker t : DEFAULTS) {
                ctx.data().update("insert into tracker (id, name, phrases, side, segment, created_by) values"
                        + " (?, ?, ?, ?, ?, 'catalyst') on conflict (tenant_id, name) do nothing", UUID.randomUUID(),
                        t.name(), json(t.phrases()), t.side() == null ? null : t.side().name(), t.segment().name());
            }
            State.put(ctx, "trackers.seeded", "yes");
            stored = read(ctx);
        }
        return stored;
    }

    private static List<Stored> read(PluginContext ctx) {
        return ctx.data().query("select id, name, phrases, side, segment from tracker order by name").stream()
                .map(Trackers::of).toList();
    }

    static java.util.Optional<Stored> get(PluginContext ctx, UUID id) {
        return ctx.data().query("select id, name, phrases, side, segment from tracker where id = ?", id).stream()
                .findFirst().map(Trackers::of);
    }

    /** Creates or, with an id, changes a tracker after checking it; answers it. */
    static Stored save(PluginContext ctx, UUID id, String name, List<String> phrases, String side, String segment,
                       String by) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw PluginProblem.badRequest("A tracker needs a name of 1 to 100 characters.");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String p : phrases == null ? List.<String>of() : phrases) {
            String s = p == null ? "" : p.strip().replaceAll("\\s+", " ");
            if (s.length() > 100) {
                throw PluginProblem.badRequest("A phrase has at most 100 characters: \"" + s.substring(0, 40)
                        + "…\"");
            }
            if (!s.isEmpty() && s.chars().anyMatch(Character::isLetterOrDigit)) {
                clean.add(s.toLowerCase(Locale.ROOT));
            }
        }
        if (clean.isEmpty() || clean.size() > MAX_PHRASES) {
            throw PluginProblem.badRequest("A tracker needs 1 to " + MAX_PHRASES + " phrases with letters or"
                    + " digits.");
        }
        Side s = side(side);
        Segment g = segment(segment);
        boolean taken = ctx.data().query("select 1 from tracker where lower(name) = lower(?) and id <> ?",
                cleanName, id == null ? new UUID(0, 0) : id).size() > 0;
        if (taken) {
            throw new PluginProblem(409, "Conflict", "There is a tracker named \"" + cleanName + "\" already.");
        }
        if (id == null) {
            if (all(ctx).size() >= MAX_TRACKERS) {
                throw new PluginProblem(409, "Conflict", "A company has at most " + MAX_TRACKERS + " trackers.");
            }
            id = UUID.randomUUID();
            ctx.data().update("insert into tracker (id, name, phrases, side, segment, created_by) values"
                    + " (?, ?, ?, ?, ?, ?)", id, cleanName, json(new ArrayList<>(clean)), s == null ? null : s.name(),
                    g.name(), by);
        } else if (ctx.data().update("update tracker set name = ?, phrases = ?, side = ?, segment = ?,"
                + " updated_at = now() where id = ?", cleanName, json(new ArrayList<>(clean)),
                s == null ? null : s.name(), g.name(), id) == 0) {
            throw PluginProblem.notFound("There is no such tracker.");
        }
        return get(ctx, id).orElseThrow();
    }

    static boolean delete(PluginContext ctx, UUID id) {
        return ctx.data().update("delete from tracker where id = ?", id) == 1;
    }

    static Side side(String side) {
        if (side == null || side.isBlank() || side.equalsIgnoreCase("any") || side.equalsIgnoreCase("either")) {
            return null;
        }
        try {
            return Side.valueOf(side.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PluginProblem.badRequest("side is rep, customer or either");
        }
    }

    static Segment segment(String segment) {
        if (segment == null || segment.isBlank()) {
            return Segment.ANY;
        }
        try {
            return Segment.valueOf(segment.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PluginProblem.badRequest("segment is any, opening, middle or closing");
        }
    }

    private static Stored of(Map<String, Object> r) {
        JsonArray a = Json.instance().parse((String) r.get("phrases"));
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) {
            phrases.add(a.getString(i));
        }
        String side = (String) r.get("side");
        return new Stored((UUID) r.get("id"), (String) r.get("name"), phrases,
                side == null ? null : Side.valueOf(side), Segment.valueOf((String) r.get("segment")));
    }

    private static String json(List<String> phrases) {
        JsonArray a = Json.createArray();
        phrases.forEach(p -> a.set(a.length(), p));
        return a.toJson();
    }
}
