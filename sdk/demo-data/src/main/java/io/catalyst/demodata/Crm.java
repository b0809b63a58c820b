package io.catalyst.demodata;

import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A HubSpot-like CRM fed by the ads: every lead an ad channel reports on a day becomes a contact created that day,
 * who may move on through the lifecycle stages, and a contact who becomes an opportunity has a deal. A contact's
 * whole future is drawn when it is created, then cut at "today", so a later today only adds to the past.
 */
final class Crm {

    static final List<String> STAGES = List.of("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead",
            "opportunity", "customer");
    /** The open stages of HubSpot's default pipeline, with the day (after the deal's creation) each begins. */
    private static final List<String> OPEN_DEAL_STAGES = List.of("appointmentscheduled", "qualifiedtobuy",
            "presentationscheduled", "decisionmakerboughtin", "contractsent");
    private static final int[] OPEN_DEAL_STAGE_DAYS = {0, 4, 9, 15, 22};
    static final List<String> FIRST = List.of("ada", "ben", "carla", "david", "elena", "farid", "grace",
            "hugo", "irene", "jonas", "kira", "liam", "maya", "nils", "olivia", "pedro", "quinn", "rosa", "sami",
            "tara", "umar", "vera", "wen", "ximena", "yusuf", "zoe", "aiko", "bruno", "chloe", "dmitri");
    private static final List<String> LAST = List.of("abbott", "bauer", "chen", "dubois", "evans", "fischer",
            "garcia", "haddad", "ito", "jensen", "kowalski", "lopez", "moreau", "nakamura", "okafor", "patel",
            "quinlan", "rossi", "schmidt", "tanaka", "ueda", "varga", "weber", "xu", "young", "zimmermann");
    private static final List<String> COMPANY_A = List.of("Northwind", "Bluefin", "Copperleaf", "Driftwood",
            "Evergreen", "Foxglove", "Granite", "Helix", "Ironbark", "Juniper", "Keystone", "Lighthouse", "Meridian",
            "Nimbus", "Oakridge", "Pinecrest", "Quarry", "Riverstone", "Silverline", "Timberline");
    private static final List<String> COMPANY_B = List.of("Labs", "Logistics", "Health", "Analytics", "Foods",
            "Systems", "Retail", "Studios", "Partners", "Energy", "Robotics", "Media");
    private static final List<String> PRODUCTS = List.of("Annual plan", "Team plan", "Pilot", "Enterprise licence",
            "Onboarding package", "Renewal");

    /** A contact's drawn life: stage times (null where it never gets there) and how its deal would end. */
    record Journey(long number, String channel, LocalDate day, String email, String name, String company,
                           OffsetDateTime[] stageTimes, boolean dealWon, OffsetDateTime dealClosed,
                           BigDecimal amount, String product, LeadProfile profile) {
    }

    /** The leads each channel's account reported on a day. */
    interface Leads {
        long on(String channel, LocalDate day);
    }

    private final long seed;
    private final LocalDate firstDay;
    private final LocalDate today;
    private final String currency;
    private final List<String> channels;
    private final Leads leads;

    Crm(long seed, LocalDate firstDay, LocalDate today, String currency, List<String> channels, Leads leads) {
        this.seed = seed;
        this.firstDay = firstDay;
        this.today = today;
        this.currency = currency;
        this.channels = channels;
        this.leads = leads;
    }

    void contacts(Consumer<Contact> out) {
        journeys(j -> out.accept(contact(j)));
    }

    void deals(Consumer<Deal> out) {
        journeys(j -> {
            Deal deal = deal(j);
            if (deal != null) {
                out.accept(deal);
            }
        });
    }

    void journeys(Consumer<Journey> out) {
        for (LocalDate day = firstDay; !day.isAfter(today); day = day.plusDays(1)) {
            for (int c = 0; c < channels.size(); c++) {
                long count = leads.on(channels.get(c), day);
                for (int i = 0; i < count; i++) {
                    // unique per day, channel and lead: epoch day, channel, three digits of sequence
                    long number = (day.toEpochDay() * 10 + c) * 1000 + i;
                    out.accept(journey(number, channels.get(c), day));
                }
            }
        }
    }

    private Journey journey(long number, String channel, LocalDate day) {
        SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, "contact", number));
        String first = FIRST.get(rnd.nextInt(FIRST.size()));
        String last = LAST.get(rnd.nextInt(LAST.size()));
        String email = first + "." + last + "." + number + (rnd.nextBoolean() ? "@example.com" : "@example.org");
        String company = COMPANY_A.get(rnd.nextInt(COMPANY_A.size())) + " " + COMPANY_B.get(rnd.nextInt(COMPANY_B.size()));

        OffsetDateTime[] times = new OffsetDateTime[STAGES.size()];
        OffsetDateTime created = day.atStartOfDay().atOffset(ZoneOffset.UTC).plusSeconds(7 * 3600 + rnd.nextInt(15 * 3600));
        boolean subscriberFirst = rnd.nextDouble() < 0.25;
        times[0] = subscriberFirst ? created : null;
        OffsetDateTime subscribedToLead = next(created, 0.6, 1, 14, rnd);
        times[1] = subscriberFirst ? subscribedToLead : created;
        LeadProfile profile = LeadProfile.draw(seed, number, channel);
        if (profile.sloppy()) {
            email = email.replaceAll("\\.(com|org)$", ""); // typed without its top-level domain
            company = null;
        }
        // the profile's lift spread over the three steps to an opportunity
        double step = Math.cbrt(profile.lift());
        times[2] = next(times[1], Math.min(0.95, 0.45 * step), 1, 10, rnd);
        times[3] = next(times[2], Math.min(0.95, 0.50 * step), 2, 20, rnd);
        times[4] = next(times[3], Math.min(0.95, 0.55 * step), 3, 21, rnd);
        boolean won = rnd.nextDouble() < 0.4;
        OffsetDateTime closed = later(times[4] == null ? created : times[4], 25, 60, rnd);
        times[5] = times[4] != null && won ? closed : null;
        BigDecimal amount = BigDecimal.valueOf(Math.max(500, Math.round(6000 * Math.exp(0.7 * Planner.gaussian(rnd)) / 50) * 50))
                .setScale(2);
        String product = PRODUCTS.get(rnd.nextInt(PRODUCTS.size()));
        return new Journey(number, channel, day, email, capitalise(first) + " " + capitalise(last), company, times,
                won, closed, amount, product, profile);
    }

    /** The next stage's time, or null when the contact stays put. */
    private static OffsetDateTime next(OffsetDateTime previous, double chance, int minDays, int maxDays,
                                       SplittableRandom rnd) {
        // draw both whatever happens, so one stage's outcome never shifts the draws after it
        boolean moves = rnd.nextDouble() < chance;
        OffsetDateTime when = later(previous, minDays, maxDays, rnd);
        return moves ? when : null;
    }

    /** A moment some days after {@code from} (null stays null, the draws are made anyway). */
    private static OffsetDateTime later(OffsetDateTime from, int minDays, int maxDays, SplittableRandom rnd) {
        long days = minDays + rnd.nextInt(maxDays - minDays + 1);
        long seconds = rnd.nextInt(8 * 3600);
        return from == null ? null : from.plusDays(days).plusSeconds(seconds);
    }

    /** Whether a moment has happened by the end of today. */
    boolean happened(OffsetDateTime time) {
        return time != null && time.toLocalDate().isBefore(today.plusDays(1));
    }

    /**
     * A phone number as people type it, in the lead's country's format: seven in ten leads give one (forms often do
     * not ask), a careless one types five digits. Made from the contact's number, not drawn, so it shifts no draw.
     */
    static String phone(long number, String country, boolean sloppy) {
        if (number % 10 >= 7) {
            return null;
        }
        if (sloppy) {
            return String.valueOf(10000 + number % 90000);
        }
        long n = Math.floorMod(number * 7919L, 9_000_000L) + 1_000_000L; // seven digits, never starting with 0
        String d = String.valueOf(n);
        return switch (country) {
            case "DE" -> "+49 30 " + d;
            case "FR" -> "01 " + d.substring(0, 1) + d.substring(1, 2) + " " + d.substring(2, 4) + " "
                    + d.substring(4, 6) + " " + d.substring(6) + "0";
            case "NL" -> "+31 20 " + d.substring(0, 3) + " " + d.substring(3);
            case "GB" -> "020 7" + d.substring(0, 3) + " " + d.substring(3);
            case "US" -> "(212) " + (200 + n % 700) + "-" + d.substring(3);
            case "ES" -> "+34 91 " + d.substring(0, 3) + " " + d.substring(3, 5) + " " + d.substring(5);
            case "IT" -> "+39 02 " + d.substring(0, 4) + " " + d.substring(4) + "0";
            default -> "+48 22 " + d.substring(0, 3) + " " + d.substring(3, 5) + " " + d.substring(5);
        };
    }

    private Contact contact(Journey j) {
        int stage = 0;
        OffsetDateTime created = null;
        for (int s = 0; s < STAGES.size(); s++) {
            if (happened(j.stageTimes[s])) {
                stage = s;
                created = created == null ? j.stageTimes[s] : created;
            }
        }
        OffsetDateTime updated = j.stageTimes[stage];
        String id = String.valueOf(j.number);
        String[] names = j.name.split(" ");
        Json props = new Json().str("email", j.email).str("firstname", names[0]).str("lastname", names[1])
                .str("company", j.company).str("lifecyclestage", STAGES.get(stage)).str("createdate", created)
                .str("lastmodifieddate", updated).str("hs_analytics_source", source(j.channel))
                .str("hs_analytics_source_data_1", j.channel).str("jobtitle", j.profile.jobTitle())
                .str("numberofemployees", j.profile.employees()).str("industry", j.profile.industry())
                .str("country", j.profile.country()).str("recent_conversion_event_name", j.profile.form())
                .str("hs_analytics_num_page_views", j.profile.pageViews())
                .str("hs_email_open", j.profile.emailOpens())
                .str("phone", phone(j.number, j.profile.country(), j.profile.sloppy()));
        for (int s = 0; s <= stage; s++) {
            if (happened(j.stageTimes[s])) {
                props.str("hs_lifecyclestage_" + STAGES.get(s) + "_date", j.stageTimes[s]);
            }
        }
        String raw = new Json().str("id", id).obj("properties", props).toString();
        return new Contact(id, j.email, j.name, j.company, STAGES.get(stage), created, updated, raw);
    }

    /** The contact's deal, if it has become an opportunity by today. */
    private Deal deal(Journey j) {
        OffsetDateTime opened = j.stageTimes[4];
        if (!happened(opened)) {
            return null;
        }
        String stage;
        OffsetDateTime updated;
        if (happened(j.dealClosed)) {
            stage = j.dealWon ? "closedwon" : "closedlost";
            updated = j.dealClosed;
        } else {
            int open = 0;
            for (int s = 0; s < OPEN_DEAL_STAGES.size(); s++) {
                OffsetDateTime begins = opened.plusDays(OPEN_DEAL_STAGE_DAYS[s]);
                if (happened(begins) && begins.isBefore(j.dealClosed)) {
                    open = s;
                }
            }
            stage = OPEN_DEAL_STAGES.get(open);
            updated = opened.plusDays(OPEN_DEAL_STAGE_DAYS[open]);
        }
        String id = String.valueOf(5_000_000_000L + j.number);
        String name = (j.company == null ? j.name : j.company) + " – " + j.product;
        Json props = new Json().str("dealname", name).str("dealstage", stage).str("pipeline", "default")
                .num("amount", j.amount).str("deal_currency_code", currency).str("closedate", j.dealClosed.toLocalDate())
                .str("createdate", opened).str("hs_lastmodifieddate", updated);
        String raw = new Json().str("id", id).obj("properties", props)
                .obj("associations", new Json().str("contact", j.number)).toString();
        return new Deal(id, String.valueOf(j.number), name, stage, j.amount, currency, j.dealClosed.toLocalDate(),
                opened, updated, raw);
    }

    private static String source(String channel) {
        return channel.equals("google-ads") ? "PAID_SEARCH" : "PAID_SOCIAL";
    }

    static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
