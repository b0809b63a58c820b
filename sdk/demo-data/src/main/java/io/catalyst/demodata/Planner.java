package io.catalyst.demodata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lays out one channel's account: campaigns, ad sets, and the ads that take turns in them. Everything is drawn on a
 * fixed calendar from {@link #ANCHOR}, never from "today": today only decides what is visible (what has started,
 * what has ended), so a tenant's ids and history stay the same from one day to the next.
 *
 * <p>An account has a few campaign slots; each runs one campaign at a time, a year or more, after which it is
 * paused and the slot's next campaign starts. An ad set likewise has two to four ad slots, each running one ad at a
 * time for 35 to 80 days, replaced as it fatigues.
 */
final class Planner {

    /** Where every schedule starts: a Monday well before any history. */
    static final LocalDate ANCHOR = LocalDate.of(2020, 1, 6);

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

    /** The advertiser's brand, as its accounts are named after it. */
    static String brand(long seed) {
        return BRANDS.get(new SplittableRandom(Seeds.of(seed, "brand")).nextInt(BRANDS.size()));
    }

    /** The account's plan: the campaigns and ads that run at some time from {@code firstDay} to {@code today}. */
    static Plan.Account plan(long seed, ChannelProfile profile, String accountId, LocalDate firstDay, LocalDate today,
                             DemoScale scale) {
        SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, profile.id(), "plan"));
        Ids ids = new Ids(profile.code(), seed);
        String brand = brand(seed);
        List<Map.Entry<String, String>> templates = shuffled(profile.campaigns(), rnd);
        int slots = (3 + rnd.nextInt(4)) * scale.campaignMultiplier();

        List<Plan.Campaign> campaigns = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            LocalDate start = ANCHOR.minusDays(rnd.nextInt(300));
            for (int flight = 0; !start.isAfter(today); flight++) {
                SplittableRandom f = new SplittableRandom(Seeds.of(seed, profile.id(), "campaign", slot, flight));
                LocalDate end = start.plusDays(365 + f.nextInt(636) - 1);
                if (!end.isBefore(firstDay)) {
                    Map.Entry<String, String> template = templates.get((slot + flight) % templates.size());
                    String name = String.format(template.getKey(), THEMES.get(f.nextInt(THEMES.size())))
                            + (slot >= templates.size() ? " #" + (slot / templates.size() + 1) : "");
                    campaigns.add(campaign(seed, profile, ids.campaign(slot, flight), name, template.getValue(), start,
                            end.isBefore(today) ? end : null, f, firstDay, today));
                }
                start = end.plusDays(1);
            }
        }
        return new Plan.Account(profile, accountId, brand + " (" + label(profile.id()) + ")", campaigns);
    }

    private static Plan.Campaign campaign(long seed, ChannelProfile profile, String id, String name, String objective,
                                          LocalDate start, LocalDate end, SplittableRandom rnd, LocalDate firstDay,
                                          LocalDate today) {
        double budget = (80 + rnd.nextInt(320)) * profile.budgetScale();
        int adSetCount = 2 + rnd.nextInt(2);
        double[] shares = shares(adSetCount, rnd);
        LocalDate visibleFrom = start.isBefore(firstDay) ? firstDay : start;
        LocalDate visibleTo = end == null ? today : end;
        List<Plan.AdSet> adSets = new ArrayList<>();
        for (int s = 0; s < adSetCount; s++) {
            String adSetId = id + s;
            String audience = AUDIENCES.get(rnd.nextInt(AUDIENCES.size()));
            int adSlots = 2 + rnd.nextInt(3);
            List<Plan.Ad> ads = new ArrayList<>();
            for (int k = 0; k < adSlots; k++) {
                ads.addAll(ads(seed, profile, adSetId, k, start, rnd.nextInt(31), visibleFrom, visibleTo, end));
            }
            adSets.add(new Plan.AdSet(Ids.level(adSetId, Ids.AD_SET), id, audience, shares[s], ads));
        }
        return new Plan.Campaign(id, name, objective, start, end, budget, adSets);
    }

    /**
     * One ad slot's ads that run between {@code from} and {@code to}, the first from the campaign's start; none runs
     * past the campaign's end. The first ad is cut short by {@code stagger} days, so the slots of an ad set replace
     * their ads at different times.
     */
    private static List<Plan.Ad> ads(long seed, ChannelProfile profile, String adSetId, int slot, LocalDate start,
                                     int stagger, LocalDate from, LocalDate to, LocalDate campaignEnd) {
        List<Plan.Ad> ads = new ArrayList<>();
        for (int version = 1; !start.isAfter(to); version++) {
            SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, profile.id(), "ad", adSetId, slot, version));
            LocalDate end = start.plusDays(35 + rnd.nextInt(46) - (version == 1 ? stagger : 0) - 1);
            if (campaignEnd != null && end.isAfter(campaignEnd)) {
                end = campaignEnd;
            }
            if (!end.isBefore(from)) {
                String[] hook = HOOKS.get(rnd.nextInt(HOOKS.size()));
                String name = FORMATS.get(rnd.nextInt(FORMATS.size())) + " – " + hook[0] + " v" + version;
                String base = adSetId + slot + String.format("%03d", version);
                boolean running = campaignEnd == null && !end.isBefore(to);
                ads.add(new Plan.Ad(Ids.level(base, Ids.AD), Ids.level(adSetId, Ids.AD_SET), name,
                        Ids.level(base, Ids.CREATIVE), start, running ? null : end, 0.5 + rnd.nextDouble(),
                        Math.exp(0.2 * gaussian(rnd)), rnd.nextInt(360), hook[1], hook[2]));
            }
            start = end.plusDays(1);
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

    /**
     * Provider-looking numeric ids, from the entity's place rather than a counter, so they never shift: channel
     * code, level digit, six tenant digits, then campaign slot and flight, ad set, ad slot and version.
     */
    static final class Ids {
        static final char CAMPAIGN = '2';
        static final char AD_SET = '3';
        static final char AD = '4';
        static final char CREATIVE = '5';

        private final String prefix;

        Ids(int channelCode, long seed) {
            this.prefix = channelCode + "" + CAMPAIGN + String.format("%06d", Math.floorMod(seed, 1_000_000L));
        }

        String campaign(int slot, int flight) {
            return prefix + String.format("%03d%03d", slot, flight);
        }

        /** An id under a campaign's, at another level: the level digit swapped. */
        static String level(String idBelowCampaign, char level) {
            return idBelowCampaign.substring(0, 2) + level + idBelowCampaign.substring(3);
        }

        static String account(int channelCode, long seed) {
            return channelCode + "0" + String.format("%06d", Math.floorMod(seed, 1_000_000L)) + "01";
        }
    }
}
