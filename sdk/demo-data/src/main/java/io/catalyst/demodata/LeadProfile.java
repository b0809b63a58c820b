package io.catalyst.demodata;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Who a CRM contact is and how engaged, with PLANTED conversion drivers for lead scoring to find: the first form
 * (a demo request converts best, a newsletter sign-up worst), the job level, the company's size, the pages viewed
 * and the channel. Drawn from a stream of its own, so the contact's other draws stay as they were. About one form in
 * 25 was filled in carelessly ({@code sloppy}): an address without its top-level domain, no company, no job title,
 * for data-quality checks to find.
 */
record LeadProfile(String jobTitle, int employees, String industry, String country, String form, int pageViews,
                   int emailOpens, double lift, boolean sloppy) {

    private static final List<String> FORMS = List.of("Demo request", "Pricing page", "Webinar sign-up",
            "E-book download", "Newsletter sign-up");
    private static final double[] FORM_WEIGHTS = {0.12, 0.13, 0.2, 0.3, 0.25};
    private static final double[] FORM_EFFECT = {1.3, 0.8, 0.1, -0.3, -0.9};
    private static final List<List<String>> TITLES = List.of(
            List.of("CEO", "Founder", "Chief Marketing Officer"),
            List.of("VP Marketing", "VP Sales", "Vice President Growth"),
            List.of("Marketing Director", "Head of Growth", "Director of Sales"),
            List.of("Marketing Manager", "Sales Manager", "Campaign Manager"),
            List.of("Marketing Specialist", "Analyst", "Coordinator", "Designer"),
            List.of("Student", "Intern"));
    private static final double[] TITLE_WEIGHTS = {0.05, 0.08, 0.12, 0.25, 0.40, 0.10};
    private static final double[] TITLE_EFFECT = {0.8, 0.9, 0.6, 0.2, -0.3, -1.6};
    /** Head-count bands: the lowest head count of each and its effect. */
    private static final int[] SIZE_FROM = {1, 11, 51, 201, 1001, 5001};
    private static final int[] SIZE_TO = {10, 50, 200, 1000, 5000, 50_000};
    private static final double[] SIZE_WEIGHTS = {0.22, 0.25, 0.22, 0.17, 0.09, 0.05};
    private static final double[] SIZE_EFFECT = {-0.7, -0.1, 0.3, 0.6, 0.5, 0.1};
    private static final List<String> INDUSTRIES = List.of("Software", "Retail", "Healthcare", "Manufacturing",
            "Financial services", "Education", "Hospitality");
    private static final List<String> COUNTRIES = List.of("DE", "FR", "NL", "GB", "US", "ES", "IT", "PL");

    static LeadProfile draw(long seed, long number, String channel) {
        SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, "profile", number));
        int form = pick(rnd, FORM_WEIGHTS);
        int title = pick(rnd, TITLE_WEIGHTS);
        int size = pick(rnd, SIZE_WEIGHTS);
        int employees = SIZE_FROM[size] + rnd.nextInt(SIZE_TO[size] - SIZE_FROM[size] + 1);
        // the keener ones read more of the site: a demo request reads about twice the pages of a newsletter sign-up
        double keen = Math.exp(0.5 * Planner.gaussian(rnd)) * (1.6 - 0.25 * form);
        int pageViews = (int) Math.round(3 * keen + rnd.nextInt(3));
        int emailOpens = rnd.nextInt(1 + (int) Math.round(4 * keen));
        double z = FORM_EFFECT[form] + TITLE_EFFECT[title] + SIZE_EFFECT[size]
                + 0.5 * (Math.log1p(pageViews) - 1.8) + (channel.equals("google-ads") ? 0.2 : 0)
                - 0.55; // centres the lift near 1 over the mix, so the funnel's size stays about what it was
        String jobTitle = TITLES.get(title).get(rnd.nextInt(TITLES.get(title).size()));
        String industry = INDUSTRIES.get(rnd.nextInt(INDUSTRIES.size()));
        String country = COUNTRIES.get(rnd.nextInt(COUNTRIES.size()));
        boolean sloppy = rnd.nextDouble() < 0.04; // drawn last, so it shifts none of the draws above
        return new LeadProfile(sloppy ? null : jobTitle, employees, industry, country, FORMS.get(form), pageViews,
                emailOpens, Math.exp(z), sloppy);
    }

    private static int pick(SplittableRandom rnd, double[] weights) {
        double u = rnd.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
