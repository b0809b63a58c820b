package io.catalyst.demodata;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Lays out one channel's account: campaigns, ad sets, and the ads that take turns in them over the history. */
final class Planner {

    private static final List<String> AUDIENCES = List.of("Broad 25–54", "Lookalike 1% – Purchasers",
            "Interests – Outdoor", "Website Visitors 30d", "Women 18–34", "Men 25–44", "Job Titles – Marketing",
            "Company Size 200+", "Cart Abandoners 14d", "Past Customers", "High Intent Keywords", "Lookalike 3% – Leads");
    private static final List<String> FORMATS = List.of("Video 15s", "Carousel", "Static Image", "UGC Video",
            "Collection", "Story");
    private static final List<String[]> HOOKS = List.of(
            new String[] {"Free Shipping", "Free shipping on every order", "Order today, delivered in 2 days. No minimum."},
            new String[] {"New Arrivals", "New arrivals are here", "Fresh styles just landed. Be the first to shop them."},
            new String[] {"Customer Story", "Why 10,000 teams switched", "Hear how customers cut reporting time in half."},
            new String[] {"Limited Offer", "20% off this week only", "Use the code at checkout. Ends Sunday."},
            new String[] {"How It Works", "See it in 60 seconds", "A quick tour of everything you get."},
            new String[] {"Bestseller", "Our bestseller, restocked", "Back in every size. Grab yours before it goes."},
            new String[] {"Gift Guide", "Gifts they will actually use", "Hand-picked ideas for everyone on your list."},
            new String[] {"Demo Request", "Book a 20-minute demo", "See your own data in a live walkthrough."});
    private static final List<String> THEMES = List.of("Spring Sale", "Summer Sale", "Black Friday", "Evergreen");
    private static final List<String> BRANDS = List.of("Northwind", "Bluebird Outdoor", "Lumen Labs", "Harbor & Co",
            "Fernway", "Quartz Home", "Tallgrass Coffee", "Orbit Fitness", "Maple Street", "Kestrel Software");

    private Planner() {
    }

    /** The account's plan; the same seed, profile and days give the same plan. */
    static Plan.Account plan(long seed, ChannelProfile profile, String accountId, LocalDate firstDay, LocalDate today,
                             DemoScale scale) {
        SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, profile.id(), "plan"));
        Ids ids = new Ids(profile.code(), seed);
        String brand = BRANDS.get(new SplittableRandom(Seeds.of(seed, "brand")).nextInt(BRANDS.size()));
        int historyDays = (int) ChronoUnit.DAYS.between(firstDay, today) + 1;

        List<Map.Entry<String, String>> templates = shuffled(profile.campaigns(), rnd);
        int count = (3 + rnd.nextInt(4)) * scale.campaignMultiplier();
        List<Plan.Campaign> campaigns = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Map.Entry<String, String> template = templates.get(c % templates.size());
            String name = String.format(template.getKey(), THEMES.get(rnd.nextInt(THEMES.size())))
                    + (c >= templates.size() ? " #" + (c / templates.size() + 1) : "");
            // most run; some were paused a while ago (the first always runs: the spend spike needs it)
            LocalDate pausedFrom = c > 0 && rnd.nextDouble() < 0.25
                    ? today.minusDays(10 + rnd.nextInt(Math.max(1, Math.min(150, historyDays - 20)))) : null;
            double budget = (80 + rnd.nextInt(320)) * profile.budgetScale();
            String campaignId = ids.next(Ids.CAMPAIGN);
            int adSetCount = 2 + rnd.nextInt(2);
            List<Plan.AdSet> adSets = new ArrayList<>();
            double[] shares = shares(adSetCount, rnd);
            for (int s = 0; s < adSetCount; s++) {
                String adSetId = ids.next(Ids.AD_SET);
                String adSetName = AUDIENCES.get(rnd.nextInt(AUDIENCES.size()));
                adSets.add(new Plan.AdSet(adSetId, campaignId, adSetName, shares[s],
                        ads(adSetId, firstDay, today, rnd, ids)));
            }
            campaigns.add(new Plan.Campaign(campaignId, name, template.getValue(), pausedFrom, budget, adSets));
        }
        return new Plan.Account(profile, accountId, brand + " (" + label(profile.id()) + ")", campaigns);
    }

    /** Two to four slots, each a sequence of ads that replace one another as they fatigue (35 to 80 days each). */
    private static List<Plan.Ad> ads(String adSetId, LocalDate firstDay, LocalDate today, SplittableRandom rnd,
                                     Ids ids) {
        List<Plan.Ad> ads = new ArrayList<>();
        int slots = 2 + rnd.nextInt(3);
        for (int slot = 0; slot < slots; slot++) {
            LocalDate start = firstDay.minusDays(rnd.nextInt(41));
            for (int version = 1; ; version++) {
                LocalDate end = start.plusDays(35 + rnd.nextInt(46) - 1);
                String[] hook = HOOKS.get(rnd.nextInt(HOOKS.size()));
                String name = FORMATS.get(rnd.nextInt(FORMATS.size())) + " – " + hook[0] + " v" + version;
                double weight = 0.5 + rnd.nextDouble();
                double quality = Math.exp(0.2 * gaussian(rnd));
                String id = ids.next(Ids.AD);
                String creativeId = ids.next(Ids.CREATIVE);
                boolean running = !end.isBefore(today);
                ads.add(new Plan.Ad(id, adSetId, name, creativeId, start, running ? null : end, weight, quality,
                        (int) (Math.abs(Seeds.mix(Long.parseLong(id.substring(2)))) % 360), hook[1], hook[2]));
                if (running) {
                    break;
                }
                start = end.plusDays(1);
            }
        }
        return ads;
    }

    static String label(String channel) {
        return switch (channel) {
            case "meta-ads" -> "Meta Ads";
            case "google-ads" -> "Google Ads";
            case "tiktok-ads" -> "TikTok Ads";
            case "linkedin-ads" -> "LinkedIn Ads";
            default -> channel;
        };
    }

    private static double[] shares(int n, SplittableRandom rnd) {
        double[] shares = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            shares[i] = 0.5 + rnd.nextDouble();
            total += shares[i];
        }
        for (int i = 0; i < n; i++) {
            shares[i] /= total;
        }
        return shares;
    }

    private static <T> List<T> shuffled(List<T> list, SplittableRandom rnd) {
        List<T> copy = new ArrayList<>(list);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }

    /** A standard normal value (Box–Muller), from the given generator only. */
    static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** Provider-looking numeric ids: channel code, level digit, six tenant digits, a sequence. */
    static final class Ids {
        static final int CAMPAIGN = 2;
        static final int AD_SET = 3;
        static final int AD = 4;
        static final int CREATIVE = 5;

        private final String prefix;
        private final String tenant;
        private int sequence;

        Ids(int channelCode, long seed) {
            this.prefix = String.valueOf(channelCode);
            this.tenant = String.format("%06d", Math.floorMod(seed, 1_000_000L));
        }

        String next(int level) {
            return prefix + level + tenant + String.format("%06d", ++sequence);
        }

        static String account(int channelCode, long seed) {
            return channelCode + "0" + String.format("%06d", Math.floorMod(seed, 1_000_000L)) + "01";
        }
    }
}
