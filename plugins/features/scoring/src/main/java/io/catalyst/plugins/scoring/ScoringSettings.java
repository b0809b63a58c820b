package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The company's scoring settings, checked: when a model may be trained, its horizon, the fields it leaves out.
 *
 * @param minLeads       leads created in the window a model needs (Einstein: 1,000)
 * @param minConversions of which converted (Einstein: 120)
 * @param windowDays     the training window's length (Einstein: 200 days)
 * @param horizonDays    a score is the chance of converting within this many days (HubSpot: 90)
 * @param excluded       feature keys no model reads
 * @param writeBack      write scores back to the CRM the leads came from, where its connector accepts them
 * @param hotLeadTasks   ask for a task when a new lead turns hot
 */
record ScoringSettings(int minLeads, int minConversions, int windowDays, int horizonDays, Set<String> excluded,
                       boolean writeBack, boolean hotLeadTasks) {

    static final String MIN_LEADS = "min-leads";
    static final String MIN_CONVERSIONS = "min-conversions";
    static final String WINDOW_DAYS = "window-days";
    static final String HORIZON_DAYS = "horizon-days";
    static final String EXCLUDED = "excluded-fields";
    static final String WRITE_BACK = "crm-write-back";
    static final String HOT_LEAD_TASKS = "hot-lead-tasks";
    /** The points model as JSON, for a tenant manifest; when set it is the model, and the screen's editor rests. */
    static final String POINTS_MODEL = "points-model";

    static final Set<String> FEATURES = Set.of("channel", "seniority", "size", "industry", "country", "form",
            "pageViews", "emailOpens", "personalEmail");

    /** A setting that is not what it must be, with the key it is about. */
    static final class BadSetting extends IllegalArgumentException {
        private final String key;

        BadSetting(String key, String message) {
            super(message);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    static ScoringSettings of(PluginContext ctx) {
        return of(ctx.settings());
    }

    static ScoringSettings of(Map<String, String> values) {
        String points = values.get(POINTS_MODEL);
        if (points != null && !points.isBlank()) {
            try {
                if (io.catalyst.plugins.scoring.model.RulesModel.fromJson(Models.withVersion(points)).criteria().size()
                        > Models.MAX_CRITERIA) {
                    throw new BadSetting(POINTS_MODEL, "at most " + Models.MAX_CRITERIA + " criteria");
                }
            } catch (BadSetting e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new BadSetting(POINTS_MODEL, "not a points model: " + e.getMessage());
            }
        }
        Set<String> excluded = new LinkedHashSet<>();
        String text = values.getOrDefault(EXCLUDED, "");
        if (text != null) {
            for (String key : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
                if (!FEATURES.contains(key)) {
                    throw new BadSetting(EXCLUDED, "no field " + key + "; the fields are " + String.join(", ",
                            new java.util.TreeSet<>(FEATURES)));
                }
                excluded.add(key);
            }
        }
        return new ScoringSettings(number(values, MIN_LEADS, 1000, 10, 10_000_000),
                number(values, MIN_CONVERSIONS, 120, 5, 10_000_000), number(values, WINDOW_DAYS, 200, 30, 3650),
                number(values, HORIZON_DAYS, 90, 7, 730), Set.copyOf(excluded), yes(values, WRITE_BACK, true),
                yes(values, HOT_LEAD_TASKS, true));
    }

    private static boolean yes(Map<String, String> values, String key, boolean fallback) {
        String text = values.get(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadSetting(key, "true or false");
        };
    }

    private static int number(Map<String, String> values, String key, int fallback, int min, int max) {
        String text = values.get(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n < min || n > max) {
                throw new BadSetting(key, "between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadSetting(key, "a whole number between " + min + " and " + max);
        }
    }
}
