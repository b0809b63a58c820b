package io.catalyst.demodata;

import io.catalyst.api.connect.Call;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Sales calls of the CRM's contacts, as a call-tracking provider (CallRail-like) reports them, with AssemblyAI-shaped
 * transcripts: a few leads call the ad's tracking number soon after they found the company, and reps follow up on the
 * qualified ones and the opportunities. A call's practice leans on how the contact's deal ends (better on won deals),
 * so call analytics have a real but noisy signal to find.
 *
 * <p>Calls join to the CRM as real ones do, loosely: the caller's number is the contact's phone where the contact
 * gave a usable one (else another number, and then the email is there), the email is there about half the time
 * otherwise, and the provider links the contact itself ({@code contactId}) on about half the calls.
 */
final class Calls {

    /** The ids of a channel's campaigns running on a day. */
    interface Campaigns {
        List<String> running(String channel, LocalDate day);
    }

    /** A call drawn but not yet written out: transcripts are written in start order, one at a time. */
    private record Planned(String id, OffsetDateTime start, Crm.Journey journey, boolean inbound, Rep rep,
                           String source, String campaignId, boolean answered, String outcome, boolean transcribed,
                           String contactId, boolean withEmail, boolean withName, double practice, int seconds,
                           long transcriptSeed) {
    }

    static final String ORGANIC = "Organic";

    private final long seed;
    private final Crm crm;
    private final String brand;
    private final List<Rep> reps;
    private final Campaigns campaigns;

    Calls(long seed, Crm crm, String brand, Campaigns campaigns) {
        this.seed = seed;
        this.crm = crm;
        this.brand = brand;
        this.reps = Rep.team(seed, brand);
        this.campaigns = campaigns;
    }

    List<Rep> reps() {
        return reps;
    }

    /** The calls that have started by the end of today, in the order they started. */
    void calls(Consumer<Call> out) {
        List<Planned> planned = new ArrayList<>();
        crm.journeys(j -> plan(j, planned));
        planned.sort(Comparator.comparing(Planned::start).thenComparing(Planned::id));
        for (Planned p : planned) {
            out.accept(call(p));
        }
    }

    private void plan(Crm.Journey j, List<Planned> out) {
        // every draw is made whatever happens, so one call's fate never shifts another's
        SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, "calls", j.number()));
        OffsetDateTime[] stages = j.stageTimes();
        Rep owner = reps.get(rnd.nextInt(reps.size()));
        boolean opportunity = stages[4] != null;
        double lean = opportunity ? (j.dealWon() ? 0.7 : -0.5) : 0;
        OffsetDateTime created = stages[0] != null ? stages[0] : stages[1];

        boolean callsIn = rnd.nextDouble() < 0.011;
        OffsetDateTime inAt = created.plusMinutes(5 + rnd.nextInt(3 * 24 * 60));
        if (callsIn) {
            add(j, 0, true, inAt, reps.get(rnd.nextInt(reps.size())), lean, out);
        } else {
            rnd.nextInt(reps.size());
        }

        boolean followedUp = opportunity ? rnd.nextDouble() < 0.25 : stages[3] != null && rnd.nextDouble() < 0.06;
        int count = opportunity ? 1 + rnd.nextInt(2) : 1;
        OffsetDateTime at = stages[3] == null ? created : stages[3];
        for (int k = 1; k <= 2; k++) {
            at = workHours(at.plusDays(k == 1 ? rnd.nextInt(3) : 3 + rnd.nextInt(10)), rnd);
            boolean beforeClose = !opportunity || at.isBefore(j.dealClosed());
            if (followedUp && k <= count && beforeClose) {
                add(j, k, false, at, owner, lean, out);
            }
        }
    }

    private void add(Crm.Journey j, int k, boolean inbound, OffsetDateTime start, Rep rep, double lean,
                     List<Planned> out) {
        SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, "call", j.number(), k));
        String id = String.format("CAL%016x%016x", rnd.nextLong(), rnd.nextLong());
        boolean answered = rnd.nextDouble() < (inbound ? 0.88 : 0.78);
        // unanswered: an inbound caller mostly hangs up, a rep mostly leaves a message
        boolean voicemail = rnd.nextDouble() < (inbound ? 0.3 : 0.6);
        boolean transcribed = answered && rnd.nextDouble() < 0.86;
        String contactId = rnd.nextDouble() < 0.5 ? String.valueOf(j.number()) : null;
        boolean withEmail = rnd.nextDouble() < 0.5;
        boolean withName = !inbound || rnd.nextDouble() >= 0.2; // caller ID does not always give a name
        boolean organic = rnd.nextDouble() < 0.15;
        int campaignPick = rnd.nextInt(1000);
        double practice = rep.skill() + lean + 0.6 * Planner.gaussian(rnd);
        int seconds = answered ? CallTranscripts.seconds(rnd) : voicemail ? 20 + rnd.nextInt(56) : 5 + rnd.nextInt(36);
        long transcriptSeed = rnd.nextLong();
        if (!crm.happened(start)) {
            return;
        }
        String source = null;
        String campaignId = null;
        if (inbound) {
            source = organic ? ORGANIC : label(j.channel());
            List<String> running = organic ? List.of() : campaigns.running(j.channel(), start.toLocalDate());
            campaignId = running.isEmpty() ? null : running.get(campaignPick % running.size());
        }
        String outcome = answered ? "answered" : voicemail ? "voicemail" : "missed";
        out.add(new Planned(id, start, j, inbound, rep, source, campaignId, answered, outcome, transcribed, contactId,
                withEmail, withName, practice, seconds, transcriptSeed));
    }

    private Call call(Planned p) {
        Crm.Journey j = p.journey();
        String phone = Crm.phone(j.number(), j.profile().country(), j.profile().sloppy());
        boolean usable = phone != null && !j.profile().sloppy();
        // a contact without a usable phone still called from some number: the email joins it then
        String caller = usable ? phone : String.format("+1 (555) 01%02d", j.number() % 100);
        String email = !usable || p.withEmail() ? j.email() : null;
        String name = p.withName() ? j.name() : null;
        String transcript = null;
        int duration = p.seconds();
        String recording = null;
        if (p.transcribed()) {
            CallTranscripts.Written written = CallTranscripts.write(new CallTranscripts.Script(
                    CallTranscripts.uuid(Seeds.of(p.id(), "t"), p.transcriptSeed()), p.inbound(), brand, p.rep(),
                    j.name().substring(0, j.name().indexOf(' ')),
                    CallTranscripts.where(p.source() == null ? ORGANIC : p.source()), p.practice(), p.seconds(),
                    p.transcriptSeed()));
            transcript = written.json();
            duration = written.seconds();
        }
        if (p.transcribed() || "voicemail".equals(p.outcome())) {
            recording = "https://recordings.example/calls/" + p.id() + ".mp3";
        }
        String direction = p.inbound() ? "inbound" : "outbound";
        String tracking = p.inbound() ? trackingNumber(p.source()) : null;
        String raw = new Json().str("id", p.id()).str("direction", direction).num("answered", p.answered())
                .str("start_time", p.start()).num("duration", duration).str("customer_phone_number", caller)
                .str("customer_name", name).str("customer_email", email).str("tracking_phone_number", tracking)
                .str("source", p.source()).str("campaign", p.campaignId()).str("agent_email", p.rep().email())
                .str("outcome", p.outcome()).str("recording", recording).str("person_id", p.contactId())
                .num("transcribed", transcript != null).toString();
        return new Call(p.id(), p.contactId(), p.campaignId(), p.start(), duration, direction, p.answered(), caller,
                name, email, tracking, p.source(), p.rep().email(), p.outcome(), recording, transcript, raw);
    }

    /** A weekday's office hours in New York (13:00 to 22:00 UTC), the day given or the Monday after. */
    private static OffsetDateTime workHours(OffsetDateTime when, SplittableRandom rnd) {
        LocalDate day = when.toLocalDate();
        int seconds = 13 * 3600 + rnd.nextInt(9 * 3600);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atStartOfDay().atOffset(ZoneOffset.UTC).plusSeconds(seconds);
    }

    /** Each source has its own tracking number, as call tracking gives one per source. */
    private static String trackingNumber(String source) {
        int n = switch (source) {
            case "Google Ads" -> 21;
            case "Meta Ads" -> 22;
            case "TikTok Ads" -> 23;
            case "LinkedIn Ads" -> 24;
            default -> 20;
        };
        return "(646) 555-01" + n;
    }

    static String label(String channel) {
        return switch (channel) {
            case "meta-ads" -> "Meta Ads";
            case "google-ads" -> "Google Ads";
            case "tiktok-ads" -> "TikTok Ads";
            default -> "LinkedIn Ads";
        };
    }
}
