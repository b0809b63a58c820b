package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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
 * @param segmentBy      the feature whose values get models of their own once they have the history, or null
 * @param segmentExcluded per segment value (as people read it, e.g. "Google Ads"), more feature keys left out
 */
record ScoringSettings(int minLeads, int minConversions, int windowDays, int horizonDays, Set<String> excluded,
                       boolean writeBack, boolean hotLeadTasks, String segmentBy,
                       Map<String, Set<String>> segmentExcluded) {

    /** What a company may segment by: the categorical inputs. */
    static final List<String> SEGMENTABLE = List.of("channel", "seniority", "industry", "country", "form");

    ScoringSettings {
        excluded = Set.copyOf(excluded);
        segmentExcluded = Map.copyOf(segmentExcluded);
    }

    /** Without segments: one model for all leads. */
    ScoringSettings(int minLeads, int minConversions, int windowDays, int horizonDays, Set<String> excluded,
                    boolean writeBack, boolean hotLeadTasks) {
        this(minLeads, minConversions, windowDays, horizonDays, excluded, writeBack, hotLeadTasks, null, Map.of());
    }

    /** The fields a segment's model leaves out: the company's, the segment's own, and the segment's feature. */
    Set<String> excludedIn(String segmentValue) {
        Set<String> all = new LinkedHashSet<>(excluded);
        all.addAll(segmentExcluded.getOrDefault(segmentValue.toLowerCase(java.util.Locale.ROOT), Set.of()));
        all.add(segmentBy); // one value throughout a segment: it cannot tell its leads apart
        return all;
    }

    static final String MIN_LEADS = "min-leads";
    static final String MIN_CONVERSIONS = "min-conversions";
    static final String WINDOW_DAYS = "window-days";
    static final String HORIZON_DAYS = "horizon-days";
    static final String EXCLUDED = "excluded-fields";
    static final String WRITE_BACK = "crm-write-back";
    static final String HOT_LEAD_TASKS = "hot-lead-tasks";
    /** The points model as JSON, for a tenant manifest; when set it is the model, and the screen's editor rests. */
    static final String POINTS_MODEL = "points-model";
    static final String SEGMENT_BY = "segment-by";
    static final String SEGMENT_EXCLUDED = "segment-excluded-fields";

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
        String segmentBy = values.getOrDefault(SEGMENT_BY, "");
        segmentBy = segmentBy == null || segmentBy.isBlank() || segmentBy.strip().equals("none") ? null
                : segmentBy.strip();
        if (segmentBy != null && !SEGMENTABLE.contains(segmentBy)) {
            throw new BadSetting(SEGMENT_BY, "one of " + String.join(", ", SEGMENTABLE) + ", or none");
        }
        Map<String, Set<String>> perSegment = new java.util.LinkedHashMap<>();
        String segments = values.getOrDefault(SEGMENT_EXCLUDED, "");
        for (String part : segments == null ? new String[0] : segments.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            if (colon <= 0) {
                throw new BadSetting(SEGMENT_EXCLUDED, "write each segment as \"Google Ads: industry, size\","
                        + " separated by ;");
            }
            Set<String> fields = new LinkedHashSet<>();
            for (String key : part.substring(colon + 1).split(",")) {
                if (!key.isBlank() && !FEATURES.contains(key.strip())) {
                    throw new BadSetting(SEGMENT_EXCLUDED, "no field " + key.strip() + "; the fields are "
                            + String.join(", ", new java.util.TreeSet<>(FEATURES)));
                }
                if (!key.isBlank()) {
                    fields.add(key.strip());
                }
            }
            perSegment.put(part.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), fields);
        }
        return new ScoringSettings(number(values, MIN_LEADS, 1000, 10, 10_000_000),
                number(values, MIN_CONVERSIONS, 120, 5, 10_000_000), number(values, WINDOW_DAYS, 200, 30, 3650),
                number(values, HORIZON_DAYS, 90, 7, 730), excluded, yes(values, WRITE_BACK, true),
                yes(values, HOT_LEAD_TASKS, true), segmentBy, perSegment);
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
