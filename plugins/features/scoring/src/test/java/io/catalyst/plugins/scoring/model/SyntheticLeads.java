package io.catalyst.plugins.scoring.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic leads with planted drivers: a demo-request form, VP/Executive titles, 201-5,000 employees and
 * many page views raise conversion; students and personal addresses lower it; industry and country are pure noise.
 * About 12% convert.
 */
final class SyntheticLeads {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static final String[] CHANNELS = {"google-ads", "meta-ads", "linkedin-ads", "web-form", null};
    private static final String[] FORMS = {"Demo request", "Newsletter", "Ebook download", "Webinar", "Pricing page",
            null};
    private static final double[] FORM_WEIGHTS = {0.12, 0.3, 0.25, 0.15, 0.08, 0.1};
    private static final String[][] TITLES = {
            {"CEO", "Founder", "Chief Marketing Officer"},
            {"VP Marketing", "Vice President Sales"},
            {"Director of IT", "Head of Growth"},
            {"Marketing Manager", "Team Lead"},
            {"Software Engineer", "Analyst", "Team Leader"},
            {"Student", "Marketing Intern"},
            {null}};
    private static final double[] TITLE_WEIGHTS = {0.06, 0.08, 0.12, 0.22, 0.32, 0.1, 0.1};
    private static final String[] INDUSTRIES = {"Software", "Retail", "Finance", "Healthcare", "Manufacturing", null};
    private static final String[] COUNTRIES = {"DE", "US", "GB", "FR", "NL", null};
    private static final String[] WORK = {"acme.com", "initech.de", "globex.io"};
    private static final String[] PERSONAL = {"gmail.com", "yahoo.co.uk", "web.de", "hotmail.com"};

    private SyntheticLeads() {
    }

    static List<TrainingRow> generate(int n, long seed) {
        Random random = new Random(seed);
        List<TrainingRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int form = pick(random, FORM_WEIGHTS);
            int level = pick(random, TITLE_WEIGHTS);
            String[] titles = TITLES[level];
            String title = titles[random.nextInt(titles.length)];
            Integer employees = random.nextInt(10) == 0 ? null : (int) Math.round(Math.exp(random.nextDouble() * 9.5));
            Integer pageViews = random.nextInt(20) == 0 ? null : (int) Math.floor(Math.exp(random.nextDouble() * 3.5)) - 1;
            Integer opens = random.nextInt(8);
            boolean personal = random.nextDouble() < (level == 5 ? 0.7 : 0.25);
            String email = random.nextInt(15) == 0 ? null : "p" + i + "@"
                    + (personal ? PERSONAL[random.nextInt(PERSONAL.length)] : WORK[random.nextInt(WORK.length)]);

            double logit = -3.6;
            logit += form == 0 ? 1.8 : form == 4 ? 0.8 : 0;
            logit += switch (level) {
                case 0 -> 1.3;
                case 1 -> 1.2;
                case 2 -> 0.6;
                case 5 -> -1.6;
                default -> 0;
            };
            logit += employees != null && employees > 200 && employees <= 5_000 ? 0.8 : 0;
            logit += pageViews == null ? 0 : 0.5 * Math.log1p(pageViews);
            logit += email != null && personal ? -0.9 : 0;
            logit += random.nextGaussian() * 0.3;
            boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));

            Instant created = NOW.minus(Duration.ofHours(random.nextInt(24 * 180)));
            LeadFacts lead = new LeadFacts(String.format("lead-%06d", i), created,
                    CHANNELS[random.nextInt(CHANNELS.length)], title, employees,
                    INDUSTRIES[random.nextInt(INDUSTRIES.length)], COUNTRIES[random.nextInt(COUNTRIES.length)],
                    FORMS[form], pageViews, opens, email);
            rows.add(new TrainingRow(lead, converted));
        }
        return rows;
    }

    /**
     * Seeded leads that convert mostly when exactly one of two things holds: they came from LinkedIn Ads, or they
     * asked for a demo (XOR). Each alone raises the odds as much as both together take them back, so a linear model
     * sees little; every other field is noise. About 17% convert.
     */
    static List<TrainingRow> interaction(int n, long seed) {
        Random random = new Random(seed);
        String[] channels = {"linkedin-ads", "google-ads"};
        String[] forms = {"Demo request", "Newsletter"};
        String[] titles = {"Analyst", "Marketing Manager", "Director of IT", "VP Marketing"};
        List<TrainingRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // demo requests are rarer, which gives the channel a main effect for a tree's first split to find
            int channel = random.nextInt(2), form = random.nextDouble() < 0.3 ? 0 : 1;
            boolean converted = random.nextDouble() < (channel != form ? 0.3 : 0.04);
            LeadFacts lead = new LeadFacts(String.format("xor-%06d", i), NOW, channels[channel],
                    titles[random.nextInt(titles.length)], 10 + random.nextInt(1_000),
                    INDUSTRIES[random.nextInt(INDUSTRIES.length)], COUNTRIES[random.nextInt(COUNTRIES.length)],
                    forms[form], random.nextInt(20), random.nextInt(5),
                    "p" + i + "@" + (random.nextBoolean() ? WORK[0] : PERSONAL[0]));
            rows.add(new TrainingRow(lead, converted));
        }
        return rows;
    }

    private static int pick(Random random, double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
