package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.ai.AssistantTool;
import io.catalyst.api.ai.ToolParameter;
import io.catalyst.api.ai.ToolParameter.Type;
import io.catalyst.api.ai.ToolResult;
import io.catalyst.api.ai.ToolSpec;
import io.catalyst.plugins.scoring.model.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * The scoring plugin's tools for the AI assistant: why a lead scores what it does, and the best-scoring leads. The
 * reasons are the ones the plugin stored with the score, as the lead's screen shows them.
 */
public final class LeadTools {

    static final String LEADS_SCREEN = "plugins/scoring/leads";
    /** The longest lead the model may name: an e-mail address, a name or the id. */
    static final int MAX_LEAD = 200;
    /** Reasons an explanation gives. */
    static final int REASONS = 5;
    /** Leads an ambiguous name lists. */
    static final int CANDIDATES = 5;
    static final int HOT_DEFAULT = 10;
    static final int HOT_MAX = 25;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private LeadTools() {
    }

    /** The lead the model named, or the leads it may have meant (more than one). */
    record Found(Leads.Lead lead, List<Leads.Lead> candidates, boolean more) {
    }

    /**
     * Finds a lead by its id, its e-mail address, or a piece of its name, company or address: an exact address or
     * name wins over pieces. 404 with words when none matches.
     */
    static Found find(PluginContext ctx, String given) {
        if (UUID_TEXT.matcher(given).matches()) {
            return Leads.get(ctx, UUID.fromString(given)).map(l -> new Found(l, List.of(), false))
                    .orElseThrow(() -> PluginProblem.notFound("No lead has the id " + given + ". Try the lead's"
                            + " e-mail address or a part of their name instead."));
        }
        if (given.length() < 2) {
            throw PluginProblem.badRequest("lead: at least 2 characters of a name, company or e-mail address, or"
                    + " the lead's id.");
        }
        List<Leads.Lead> matches = Leads.page(ctx, null, null, given, null, 50, 0);
        if (matches.isEmpty()) {
            throw PluginProblem.notFound("No lead's name, company or e-mail address contains '" + given + "'. Check"
                    + " the spelling, or ask the user for the lead's e-mail address.");
        }
        List<Leads.Lead> exact = matches.stream().filter(l -> given.equalsIgnoreCase(l.email())).toList();
        if (exact.isEmpty()) {
            exact = matches.stream().filter(l -> given.equalsIgnoreCase(l.name())).toList();
        }
        List<Leads.Lead> meant = exact.isEmpty() ? matches : exact;
        if (meant.size() == 1) {
            return new Found(meant.get(0), List.of(), false);
        }
        return new Found(null, meant.subList(0, Math.min(CANDIDATES, meant.size())), meant.size() > CANDIDATES);
    }

    /** {@code scoring_explain_lead}: one lead's score, band and the reasons behind it. */
    @Extension
    public static class ExplainLead implements AssistantTool {

        @Override
        public ToolSpec spec() {
            return new ToolSpec("explain_lead", "Explains one lead's score: the score (0 to 100), its band (hot,"
                    + " warm, cold), the model that gave it and the strongest reasons for and against. Use it for"
                    + " questions such as 'why is Ann Smith scored 82' or 'how good a lead is ann@acme.com'.",
                    List.of(ToolParameter.required("lead", Type.STRING, "The lead's e-mail address, id, or a part"
                            + " of their name or company")));
        }

        @Override
        public String requiredPermission() {
            return ScoringExtensions.READ;
        }

        @Override
        public ToolResult call(PluginContext ctx, Map<String, Object> arguments) {
            String given = text(arguments, "lead", MAX_LEAD, true);
            Found found = find(ctx, given);
            Models.Current model = Models.current(ctx);
            if (found.lead() == null) {
                StringBuilder text = new StringBuilder("Several leads match '").append(given).append("'")
                        .append(found.more() ? "; the " + CANDIDATES + " best scored of them:" : ":");
                List<ToolResult.Figure> figures = new ArrayList<>();
                int n = 1;
                for (Leads.Lead l : found.candidates()) {
                    text.append('\n').append(n++).append(". ").append(line(l, model)).append(" · id ")
                            .append(l.id());
                    scoreFigure(l).ifPresent(figures::add);
                }
                text.append("\nWhich one is meant? Ask the user, then call explain_lead again with that lead's id"
                        + " or e-mail address.");
                return new ToolResult(text.toString(), figures, LEADS_SCREEN);
            }
            return explain(ctx, found.lead(), model);
        }
    }

    /** {@code scoring_hot_leads}: the best-scoring leads, optionally of the last days only. */
    @Extension
    public static class TopLeads implements AssistantTool {

        @Override
        public ToolSpec spec() {
            return new ToolSpec("hot_leads", "Lists the leads with the highest scores, best first, each with its"
                    + " band and strongest reason. Use it for questions such as 'who should sales call first'.",
                    List.of(ToolParameter.optional("limit", Type.INTEGER, "How many leads, 1 to " + HOT_MAX
                                    + "; " + HOT_DEFAULT + " when left out"),
                            ToolParameter.optional("since_days", Type.INTEGER, "Only leads that came in within this"
                                    + " many days (1 to 365); all leads when left out")));
        }

        @Override
        public String requiredPermission() {
            return ScoringExtensions.READ;
        }

        @Override
        public ToolResult call(PluginContext ctx, Map<String, Object> arguments) {
            Integer limit = whole(arguments, "limit", 1, HOT_MAX);
            Integer days = whole(arguments, "since_days", 1, 365);
            int n = limit == null ? HOT_DEFAULT : limit;
            Instant since = days == null ? null : Instant.now().minus(Duration.ofDays(days));
            Models.Current model = Models.current(ctx);
            // points >= 0 keeps leads not scored yet out
            List<Leads.Lead> leads = Leads.page(ctx, 0, null, null, since, n, 0);
            String scope = days == null ? "" : " that came in within the last " + days + (days == 1 ? " day" : " days");
            if (leads.isEmpty()) {
                return new ToolResult("No scored leads" + scope + ".", List.of(), LEADS_SCREEN);
            }
            StringBuilder text = new StringBuilder(leads.size() == 1 ? "The best-scoring lead" : "The "
                    + leads.size() + " best-scoring leads").append(scope).append(" (hot from ").append(model.hot())
                    .append(", warm from ").append(model.warm()).append("):");
            List<ToolResult.Figure> figures = new ArrayList<>();
            int i = 1;
            for (Leads.Lead l : leads) {
                text.append('\n').append(i++).append(". ").append(line(l, model));
                l.reasons().stream().filter(r -> r.effect() > 0).findFirst()
                        .ifPresent(r -> text.append(" · ").append(r.words()));
                text.append(" · ").append(ScoringUi.leadRoute(l.id()));
                scoreFigure(l).ifPresent(figures::add);
            }
            return new ToolResult(text.toString(), figures, LEADS_SCREEN);
        }
    }

    // ---- answers ------------------------------------------------------------------------------------------------

    static ToolResult explain(PluginContext ctx, Leads.Lead lead, Models.Current model) {
        String route = ScoringUi.leadRoute(lead.id());
        String who = who(lead);
        StringBuilder text = new StringBuilder(who);
        String about = Stream.of(lead.company(), lead.email()).filter(Objects::nonNull).collect(Collectors.joining(
                ", "));
        if (!about.isEmpty()) {
            text.append(" (").append(about).append(')');
        }
        List<ToolResult.Figure> figures = new ArrayList<>();
        if (lead.points() == null) {
            text.append(" is not scored yet.");
        } else {
            text.append(": score ").append(lead.points()).append(", ").append(model.band(lead.points()))
                    .append(" (hot from ").append(model.hot()).append(", warm from ").append(model.warm())
                    .append("). ").append(basis(ctx, lead));
            figures.add(new ToolResult.Figure("Score of " + who, BigDecimal.valueOf(lead.points()), "integer", route));
            List<Reason> top = lead.reasons().stream().limit(REASONS).toList();
            if (!top.isEmpty()) {
                text.append("\nStrongest reasons:");
                for (Reason r : top) {
                    text.append("\n- ").append(r.effect() >= 0 ? "raises: " : "lowers: ").append(r.words());
                    figures.add(new ToolResult.Figure(who + ": " + r.label() + " is " + r.value() + ", points",
                            BigDecimal.valueOf(Math.round(r.effect())), "integer", route));
                }
            }
        }
        ZoneId zone = ctx.tenant().timezone();
        text.append("\nCame in ").append(lead.createdAt().atZone(zone).toLocalDate()).append(" from ")
                .append(ScoringUi.sourceName(lead.source())).append("; ")
                .append(lead.convertedAt() == null ? "not converted yet"
                        : "converted " + lead.convertedAt().atZone(zone).toLocalDate()).append('.');
        if (lead.quality() != null) {
            text.append(" Data quality ").append(lead.quality()).append(" of 100")
                    .append(lead.qualityIssues().isEmpty() ? "" : ": " + String.join("; ", lead.qualityIssues()))
                    .append('.');
        }
        text.append("\nDetails: ").append(route);
        return new ToolResult(text.toString(), figures, route);
    }

    /** What the score means, in the lead screen's words. */
    static String basis(PluginContext ctx, Leads.Lead lead) {
        if (lead.probability() == null) {
            return lead.points() + " points from the points model (" + lead.model() + "): the reasons below are the criteria that matched.";
        }
        int horizon = ScoringSettings.of(ctx).horizonDays();
        boolean past = lead.convertedAt() == null
                && lead.createdAt().isBefore(Instant.now().minus(Duration.ofDays(horizon)));
        return past ? "By model " + lead.model() + ", a lead like this one converts within " + horizon + " days "
                + lead.points() + "% of the time; this one's " + horizon + " days have passed without a conversion."
                : "A " + lead.points() + "% chance of converting within " + horizon + " days of coming in, by model "
                + lead.model() + ", trained on the company's past leads.";
    }

    /** One lead on one line: who, company, address, score and band. */
    static String line(Leads.Lead l, Models.Current model) {
        StringBuilder s = new StringBuilder(who(l));
        if (l.company() != null) {
            s.append(" (").append(l.company()).append(')');
        }
        if (l.email() != null && !l.email().equals(l.name())) {
            s.append(" · ").append(l.email());
        }
        s.append(" · ").append(l.points() == null ? "not scored yet"
                : "score " + l.points() + " (" + model.band(l.points()) + ")");
        if (l.convertedAt() != null) {
            s.append(" · converted");
        }
        return s.toString();
    }

    private static java.util.Optional<ToolResult.Figure> scoreFigure(Leads.Lead l) {
        return l.points() == null ? java.util.Optional.empty() : java.util.Optional.of(new ToolResult.Figure(
                "Score of " + who(l), BigDecimal.valueOf(l.points()), "integer", ScoringUi.leadRoute(l.id())));
    }

    static String who(Leads.Lead l) {
        return l.name() != null && !l.name().isBlank() ? l.name() : l.email() != null ? l.email()
                : "Lead " + l.externalId();
    }

    // ---- arguments ----------------------------------------------------------------------------------------------

    /** A text argument, stripped, one line. */
    static String text(Map<String, Object> arguments, String name, int max, boolean required) {
        Object v = arguments == null ? null : arguments.get(name);
        if (v != null && !(v instanceof String)) {
            throw PluginProblem.badRequest(name + ": text, not " + v.getClass().getSimpleName() + ".");
        }
        String t = v == null ? "" : ((String) v).strip();
        if (t.isEmpty()) {
            if (required) {
                throw PluginProblem.badRequest(name + " is required: the lead's e-mail address, id, or a part of"
                        + " their name or company.");
            }
            return null;
        }
        if (t.length() > max) {
            throw PluginProblem.badRequest(name + ": at most " + max + " characters (it has " + t.length() + ").");
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            throw PluginProblem.badRequest(name + ": one line of text, without line breaks.");
        }
        return t;
    }

    /** A whole-number argument within [min, max], or null when absent. */
    static Integer whole(Map<String, Object> arguments, String name, int min, int max) {
        Object v = arguments == null ? null : arguments.get(name);
        if (v == null) {
            return null;
        }
        BigDecimal d;
        if (v instanceof BigDecimal b) {
            d = b;
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            d = BigDecimal.valueOf(((Number) v).longValue());
        } else {
            throw PluginProblem.badRequest(name + ": a whole number from " + min + " to " + max + ".");
        }
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0
                || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw PluginProblem.badRequest(name + ": a whole number from " + min + " to " + max + " (not "
                    + (d.precision() > 20 ? "that" : d.toPlainString()) + ").");
        }
        return d.intValueExact();
    }
}
