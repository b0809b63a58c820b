package io.catalyst.plugins.scoring.model;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link LeadFacts} into the named features both models read, each with a label for people and a display
 * value. Categorical features answer {@link #UNKNOWN} rather than nothing, so a missing value is a value of its own
 * and is never dropped silently. Extraction avoids regular expressions: the ML model runs it for every lead it scores.
 */
public final class Features {

    /** The feature keys, in display order; these are what a segment may exclude. */
    public static final List<String> KEYS = List.of("channel", "seniority", "size", "industry", "country", "form",
            "pageViews", "emailOpens", "personalEmail");

    /** The value of any feature that the lead does not tell. */
    public static final String UNKNOWN = "unknown";

    private static final List<String> LABELS = List.of("Came from", "Job level", "Company size", "Industry",
            "Country", "First form", "Pages viewed", "Emails opened", "Email address");

    // Indexes into KEYS, for the switch in display(); kept in step with KEYS by FeaturesTest.
    static final int CHANNEL = 0, SENIORITY = 1, SIZE = 2, INDUSTRY = 3, COUNTRY = 4, FORM = 5, PAGE_VIEWS = 6,
            EMAIL_OPENS = 7, PERSONAL_EMAIL = 8;

    private static final String[] FREE_MAIL = {"gmail.com", "outlook.com", "web.de", "icloud.com", "proton.me",
        "protonmail.com", "aol.com", "mail.ru"};
    /** Providers with one domain per country, e.g. yahoo.co.uk, gmx.net. */
    private static final String[] FREE_MAIL_PREFIXES = {"yahoo.", "hotmail.", "gmx.", "yandex."};
    private static final String[] CHANNEL_KEYS = {"google-ads", "meta-ads", "linkedin-ads", "tiktok-ads", "web-form"};
    private static final String[] CHANNEL_NAMES = {"Google Ads", "Meta Ads", "LinkedIn Ads", "TikTok Ads", "Web form"};
    private static final String[] EXECUTIVE = {"ceo", "cfo", "cmo", "cto", "coo", "founder", "owner", "chief"};
    private static final String[] VP = {"vp", "svp", "evp"};
    private static final String[] STUDENT = {"student", "intern", "trainee"};

    private Features() {
    }

    /** The label for people, e.g. "Job level" for {@code seniority}. */
    public static String label(String key) {
        return LABELS.get(index(key));
    }

    /** Whether the feature is a count (page views, email opens) rather than a category. */
    public static boolean isNumeric(String key) {
        return isNumeric(index(key));
    }

    /** The lead's value for the feature as people read it: a category, a raw count, or {@link #UNKNOWN}. */
    public static String display(String key, LeadFacts lead) {
        return display(index(key), lead);
    }

    /** A numeric feature's raw count, or -1 when unknown (null or negative). */
    public static int count(String key, LeadFacts lead) {
        return count(index(key), lead);
    }

    /** Checks that every key is a feature key and returns them as an immutable sorted set. */
    public static Set<String> checkKeys(Collection<String> keys) {
        Set<String> sorted = new TreeSet<>();
        for (String key : keys) {
            index(key);
            sorted.add(key);
        }
        return Set.copyOf(sorted);
    }

    /** The position of the key in {@link #KEYS}; an unknown key is an {@link IllegalArgumentException}. */
    static int index(String key) {
        int i = KEYS.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("unknown feature key \"" + key + "\"; known keys: "
                    + String.join(", ", KEYS));
        }
        return i;
    }

    static boolean isNumeric(int feature) {
        return feature == PAGE_VIEWS || feature == EMAIL_OPENS;
    }

    static String display(int feature, LeadFacts lead) {
        return switch (feature) {
            case CHANNEL -> channel(lead.channel());
            case SENIORITY -> seniority(lead.jobTitle());
            case SIZE -> size(lead.employees());
            case INDUSTRY -> category(lead.industry());
            case COUNTRY -> category(lead.country());
            case FORM -> category(lead.form());
            case PAGE_VIEWS, EMAIL_OPENS -> {
                int n = count(feature, lead);
                yield n < 0 ? UNKNOWN : Integer.toString(n);
            }
            case PERSONAL_EMAIL -> emailKind(lead.email());
            default -> throw new IllegalArgumentException("no feature " + feature);
        };
    }

    static int count(int feature, LeadFacts lead) {
        Integer n = switch (feature) {
            case PAGE_VIEWS -> lead.pageViews();
            case EMAIL_OPENS -> lead.emailOpens();
            default -> throw new IllegalArgumentException(KEYS.get(feature) + " is not numeric");
        };
        return n == null || n < 0 ? -1 : n;
    }

    /** The ML model's input for a count: log1p, so the 50th page view weighs less than the 2nd. */
    static double transform(int count) {
        return Math.log1p(count);
    }

    /** "Came from": the known ad channels by name, anything else as given. */
    public static String channel(String channel) {
        String c = category(channel);
        for (int i = 0; i < CHANNEL_KEYS.length; i++) {
            if (c.equalsIgnoreCase(CHANNEL_KEYS[i])) {
                return CHANNEL_NAMES[i];
            }
        }
        return c;
    }

    /**
     * "Job level" from whole words of the title, case-insensitive: the highest level named wins, so "Student Success
     * Manager" is a Manager, and "Vice President" is a VP, not an Executive. Whole words mean "Lead" matches "Team Lead"
     * but not "Team Leader" (an Individual), and "Intern" does not match "Internal". Scans the title in place: no
     * allocation, as it runs for every lead scored.
     */
    public static String seniority(String jobTitle) {
        if (jobTitle == null || jobTitle.isBlank()) {
            return UNKNOWN;
        }
        boolean vp = false, director = false, manager = false, student = false;
        int previousStart = 0, previousEnd = 0;
        int i = 0, n = jobTitle.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(jobTitle.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(jobTitle.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            if (isAny(jobTitle, start, i, EXECUTIVE)) {
                return "Executive";
            } else if (is(jobTitle, start, i, "president")) {
                if (!is(jobTitle, previousStart, previousEnd, "vice")) {
                    return "Executive";
                }
                vp = true;
            } else {
                vp |= isAny(jobTitle, start, i, VP);
                director |= is(jobTitle, start, i, "director")
                        || is(jobTitle, start, i, "of") && is(jobTitle, previousStart, previousEnd, "head");
                manager |= is(jobTitle, start, i, "manager") || is(jobTitle, start, i, "lead");
                student |= isAny(jobTitle, start, i, STUDENT);
            }
            previousStart = start;
            previousEnd = i;
        }
        return vp ? "VP" : director ? "Director" : manager ? "Manager" : student ? "Student" : "Individual";
    }

    /** Whether s[start, end) is the word, ignoring case. */
    private static boolean is(String s, int start, int end, String word) {
        return end - start == word.length() && s.regionMatches(true, start, word, 0, word.length());
    }

    private static boolean isAny(String s, int start, int end, String[] words) {
        for (String word : words) {
            if (is(s, start, end, word)) {
                return true;
            }
        }
        return false;
    }

    /** "Company size" in bands; a head count below 1 is unknown. */
    public static String size(Integer employees) {
        if (employees == null || employees < 1) {
            return UNKNOWN;
        }
        int n = employees;
        return n <= 10 ? "1-10" : n <= 50 ? "11-50" : n <= 200 ? "51-200" : n <= 1_000 ? "201-1,000"
                : n <= 5_000 ? "1,001-5,000" : "5,001+";
    }

    /** "Email address": personal for well-known free mail providers, work otherwise, unknown without an address. */
    public static String emailKind(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 0) {
            return UNKNOWN;
        }
        int start = at + 1, end = email.length();
        while (end > start && Character.isWhitespace(email.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return UNKNOWN;
        }
        for (String domain : FREE_MAIL) {
            if (is(email, start, end, domain)) {
                return "personal";
            }
        }
        for (String prefix : FREE_MAIL_PREFIXES) {
            if (end - start > prefix.length() && email.regionMatches(true, start, prefix, 0, prefix.length())) {
                return "personal";
            }
        }
        return "work";
    }

    private static String category(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String v = value.strip();
        return v.isEmpty() ? UNKNOWN : v;
    }
}
