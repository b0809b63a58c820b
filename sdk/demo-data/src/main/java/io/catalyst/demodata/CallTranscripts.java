package io.catalyst.demodata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Sales-call transcripts in AssemblyAI's diarised JSON shape, without the per-word arrays:
 * {@code {"id", "status": "completed", "audio_duration": seconds, "language_code", "speaker_labels", "confidence",
 * "utterances": [{"speaker": "A", "start": ms, "end": ms, "text", "confidence"}], "text"}}.
 *
 * <p>Speaker A speaks first: on an inbound call the rep ("Thanks for calling ..."), on an outbound one the customer
 * ("Hello?"). Conversations are assembled from phrase banks: greeting, discovery questions (pain, current solution,
 * budget, timeline, decision makers), pitches, the customer's questions and objections, next steps or none. A call's
 * {@code practice} (around 0; higher is better) steers what good reps do: a rep talk share nearer 45% than 70%, more
 * questions, budget, timeline and decision makers asked, agreed next steps; noise keeps it a tendency only.
 * Utterances start in increasing order; a gap is the next speaker's pause (the rep's own patience), and now and then
 * an utterance starts before the previous one ends (an interruption).
 */
public final class CallTranscripts {

    /**
     * One call's conversation to write.
     *
     * @param where    how an inbound caller found the company ("an ad on Google"); unused for outbound calls
     * @param practice the call's sales practice, around 0, higher is better
     * @param seconds  about how long the conversation should last
     */
    record Script(String id, boolean inbound, String company, Rep rep, String customer, String where,
                  double practice, int seconds, long seed) {
    }

    /** A transcript and its audio's length in whole seconds. */
    record Written(String json, int seconds) {
    }

    private CallTranscripts() {
    }

    /** {@code count} transcripts of calls between made-up reps and customers, the same for the same seed. */
    public static List<String> transcripts(long seed, int count) {
        List<String> list = new ArrayList<>(count);
        transcripts(seed, count, list::add);
        return list;
    }

    /** The same transcripts as {@link #transcripts(long, int)}, handed over one by one instead of kept. */
    public static void transcripts(long seed, int count, Consumer<String> out) {
        for (int i = 0; i < count; i++) {
            SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, "transcript", i));
            boolean inbound = rnd.nextDouble() < 0.4;
            String company = Planner.brand(rnd.nextLong());
            Rep rep = Rep.any(rnd);
            String customer = Crm.capitalise(Crm.FIRST.get(rnd.nextInt(Crm.FIRST.size())));
            String where = WHERE.get(rnd.nextInt(WHERE.size()));
            Script script = new Script(uuid(rnd.nextLong(), rnd.nextLong()), inbound, company, rep, customer, where,
                    Planner.gaussian(rnd), seconds(rnd), rnd.nextLong());
            out.accept(write(script).json());
        }
    }

    static Written write(Script script) {
        return new Conversation(script).write();
    }

    /** A conversation's length: a few minutes mostly, now and then a long demo; 2 to 25 minutes. */
    static int seconds(SplittableRandom rnd) {
        double s = 330 * Math.exp(0.6 * Planner.gaussian(rnd));
        return (int) Math.max(120, Math.min(1500, Math.round(s)));
    }

    /** An id shaped as AssemblyAI's (a UUID). */
    static String uuid(long high, long low) {
        String h = String.format("%016x%016x", high, low);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    /** How an inbound caller says they found the company, by the call's source. */
    static String where(String sourceName) {
        return switch (sourceName) {
            case "Google Ads" -> "an ad on Google";
            case "Meta Ads" -> "an ad on Facebook";
            case "TikTok Ads" -> "a video on TikTok";
            case "LinkedIn Ads" -> "a post on LinkedIn";
            default -> "your website";
        };
    }

    private static final List<String> WHERE = List.of("an ad on Google", "an ad on Facebook", "a video on TikTok",
            "a post on LinkedIn", "your website");

    // ---- phrase banks; {placeholders} are filled per call ----

    private static final List<String> GREETING = List.of(
            "Thanks for calling {company}, this is {rep}, how can I help you today?",
            "Good morning, {company}, you're speaking with {rep}. What can I do for you?",
            "Hi, thanks for calling {company}. This is {rep}. How can I help?",
            "{company}, this is {rep} speaking. How can I help you?");
    private static final List<String> CALLER_OPENS = List.of(
            "Hi {rep}, yeah, I came across you through {where} and wanted to ask a couple of questions.",
            "Hi, I filled in the form after I found you through {where} and thought I'd just call instead.",
            "Hello, I'm calling about the demo, I saw it through {where}. Is this the right number?",
            "Hey, I was looking at your pricing page, I got there from {where}, and I had some questions about the plans.");
    private static final List<String> ASK_NAME = List.of("Of course, happy to help. Who am I speaking with?",
            "Absolutely. Can I get your name first?", "Sure thing. And who do I have on the line?");
    private static final List<String> GIVE_NAME = List.of("It's {customer}.", "Sure, it's {customer}.",
            "This is {customer}, from the marketing side.");
    private static final List<String> WELCOME = List.of("Great, nice to meet you, {customer}.",
            "Thanks, {customer}. Good to have you.", "Perfect, thanks {customer}.");
    private static final List<String> PICK_UP = List.of("Hello?", "Hello, {customer} speaking.", "Hi, this is {customer}.",
            "Yeah, hello?");
    private static final List<String> CALL_OPENS = List.of(
            "Hi {customer}, it's {rep} from {company}. Is now still a good time to talk?",
            "Hi {customer}, this is {rep} calling from {company}, following up on the form you filled in. Do you have a few minutes?",
            "Hey {customer}, {rep} from {company} here, following up on our call last week. Have you got a minute?",
            "Hi {customer}, it's {rep} with {company}, about the proposal I sent over. Is this a good time?");
    private static final List<String> GO_AHEAD = List.of("Yes, sure, go ahead.", "I've got about fifteen minutes, yes.",
            "Sure, I was expecting your call.", "Yeah, I can talk now.");

    /** Discovery topics in the order a rep works through them. */
    private static final int PAIN = 0;
    private static final int CURRENT = 1;
    private static final int BUDGET = 2;
    private static final int TIMELINE = 3;
    private static final int DECISION = 4;
    private static final List<List<String>> QUESTIONS = List.of(
            List.of("What made you start looking for something new right now?",
                    "What's the biggest headache with how you do it today?",
                    "Can you walk me through how your team handles reporting at the moment?",
                    "Where does it hurt most, is it the time it takes or trusting the numbers?"),
            List.of("What are you using today for this?", "How happy are you with your current setup?",
                    "Are you looking at any other tools at the moment?"),
            List.of("Have you set aside a budget for this yet?",
                    "What kind of budget are you working with for this project?",
                    "Roughly what are you spending on tools like this today?"),
            List.of("When would you ideally want to have this up and running?",
                    "Is there a deadline driving this, like a launch or the new quarter?",
                    "What does your timeline look like for making a decision?"),
            List.of("Who else is involved in making this decision?",
                    "Besides you, who would need to sign off on this?",
                    "Is there anyone in finance or IT we should bring into the conversation?"));
    private static final List<List<String>> ANSWERS = List.of(
            List.of("Honestly, we spend half of Monday copying numbers from the ad platforms into spreadsheets.",
                    "Nobody trusts the numbers, every channel reports its own conversions.",
                    "We're growing and the reporting just doesn't keep up.",
                    "Our agency sends a PDF once a month and by then it's too late to change anything.",
                    "We can't really tell which campaigns bring in customers and which just bring clicks."),
            List.of("Right now it's mostly spreadsheets and the native dashboards.",
                    "We use {competitor} but the team finds it clunky.",
                    "We tried {competitor} last year but it never really got adopted.",
                    "A mix of Google Sheets and whatever the agency sends us."),
            List.of("We have something set aside for this quarter, somewhere around {budget} a year.",
                    "I don't know exactly, I'd have to check with finance.",
                    "Budget is tight this year, to be honest.",
                    "If it saves us the agency fees it basically pays for itself."),
            List.of("Ideally before the end of the quarter.", "We'd want it running before Black Friday.",
                    "There's no hard deadline, we're just exploring.",
                    "Next month would be great, we have a board meeting coming up."),
            List.of("It's me and our head of marketing, and the CFO signs anything over ten thousand.",
                    "I make the call, but I'll run it past my boss.",
                    "Our IT team would need to look at it for security.",
                    "It's just me, I'm the founder."));
    private static final List<String> MORE = List.of("We've had that problem for a while now.",
            "It's been on my list since last year.", "Our CEO keeps asking for a single view of what's working.",
            "The team is small, so anything that saves time matters.",
            "We looked into building something ourselves, but that went nowhere.",
            "And every time someone leaves, the knowledge of how the spreadsheet works leaves with them.",
            "We spend a fair amount on ads, so getting this right really matters.",
            "I just want to know where the next dollar should go.");
    private static final List<String> PROBES = List.of("Can you tell me more about that?",
            "What does that cost you in a typical week?", "How are you handling that today?",
            "And what happens when the numbers don't match?");
    private static final List<String> PITCH = List.of(
            "So what we do is pull all your ad channels and your CRM into one place, every morning, without anyone touching a spreadsheet.",
            "You get one dashboard that shows spend, leads and revenue side by side, per campaign.",
            "The alerts are really the part customers love, if your tracking breaks or spend spikes you hear about it the same day.",
            "We also score your leads, so your sales team calls the right people first.",
            "Setup takes about twenty minutes, you just connect the accounts and the history comes in by itself.",
            "Most of our customers see their reporting time drop by something like eighty percent in the first month.",
            "And because it's all in one place, you can finally compare cost per customer across channels, not just cost per click.",
            "There's a forecasting piece as well that shows you where the budget would work hardest next month.",
            "Everything's built for teams, so your agency or your finance people can get their own view.",
            "The onboarding package includes a session with one of our analysts to set up your first dashboards.",
            "We integrate with Meta, Google, TikTok and LinkedIn out of the box, plus HubSpot on the CRM side.",
            "Pricing is per company, not per seat, so you can bring the whole team in.",
            "I can show you what that looks like with your own data, it's honestly easier to see than to explain.",
            "We've got a lot of customers in your space, so we've seen most of the setups out there.",
            "The other thing is the history, we pull thirteen months back, so you can compare with last year from day one.");
    /** A pitch tied to what the customer said: what a rep who listened says first. */
    private static final List<String> TAILORED = List.of(
            "You mentioned the reporting eats up your Mondays, that's the first thing this takes off your plate.",
            "Since you said nobody trusts the numbers, let me explain how we reconcile conversions with your CRM.",
            "Given your timeline, we could have you live well before then.",
            "Coming back to what you said about your agency, they could work from the same dashboards as you.");
    private static final List<String[]> CUSTOMER_QUESTIONS = List.of(
            new String[] {"How long does it take to get set up?",
                    "Usually about twenty minutes for the connections, and the history is in by the next morning."},
            new String[] {"Does it work with HubSpot?",
                    "Yes, contacts and deals come in every hour, and the lead scores can be written back."},
            new String[] {"Can our agency get access as well?",
                    "Sure, you can invite them with their own role, so they only see what you want them to see."},
            new String[] {"What happens to our historical data?",
                    "We backfill thirteen months on the first sync, so nothing gets lost."},
            new String[] {"How is that different from {competitor}?",
                    "The main difference is that we tie the ad spend to the deals in your CRM, not just the clicks."},
            new String[] {"Is there a contract, or can we go month to month?",
                    "Both work, the annual plan is cheaper, but you can start monthly and switch later."},
            new String[] {"What does it cost for a team our size?",
                    "For a team your size you'd be on the team plan, which starts around {budget} a year."},
            new String[] {"Do you store our data in Europe?",
                    "We can, yes, there's a European region, and every company's data is kept separate."});
    private static final List<List<String>> OBJECTIONS = List.of(
            List.of("Honestly, that's more than we were hoping to spend.", "{competitor} quoted us about half of that."),
            List.of("We're also talking to {competitor}, and they seem to do most of this too.",
                    "We already pay for {competitor}, I'm not sure we need another tool."),
            List.of("The timing isn't great, we're in the middle of a reorganisation.",
                    "I don't think we can start anything before the new year."));
    private static final List<List<String>> HANDLING = List.of(
            List.of("I hear you. If we look at what the reporting costs you in hours every week, most teams earn it back in the first two months.",
                    "We do have a three-month pilot, so you can prove the value before committing to the annual plan.",
                    "I could probably do twenty percent off if you sign this month."),
            List.of("That's a fair comparison. The big difference is that we connect the ad spend to the deals in your CRM.",
                    "A lot of our customers came from {competitor}, mostly because of the alerts and the lead scoring.",
                    "They're a good tool, but they stop at the click, we follow it all the way to revenue."),
            List.of("Totally understand. What if we set it up now with the history, so it's ready when things settle down?",
                    "No pressure at all. When would be a better time to pick this up again?",
                    "Fair enough. The setup is light, so it wouldn't take much of your team's time."));
    private static final List<String> CHECKS = List.of("Does that make sense so far?",
            "How does that sound compared to what you have today?", "What would that change for your team?",
            "Is that something that would help?");
    private static final List<String> REACTIONS = List.of("Yeah, that makes sense.", "That would help a lot, actually.",
            "I think so, I'd need to see it with our data.", "Hm, maybe. It sounds a bit complicated.",
            "That's pretty much what we're missing.", "Okay, I can see that working for us.");
    private static final List<String> BACKCHANNELS = List.of("Right.", "Okay.", "Mm-hmm.", "Got it.", "Sure.",
            "Interesting.", "Yeah.");
    private static final List<String> NEXT_STEPS = List.of(
            "I'll send the proposal over tonight, and let's book a demo on {day} with your {role}. Does {time} work?",
            "How about I set up a trial with your accounts and we go through it together on {day}? Say {time}?",
            "I'll put together a quote for the {product}. Can we get thirty minutes on {day} at {time} to go through it?",
            "Let's book a demo on {day} so your {role} can see it too. Would {time} work for you?");
    private static final List<String> AGREE = List.of("{day} at {time} works for me.", "Yes, let's do that.",
            "Sounds good, send the invite.", "Sure, I'll bring our {role} along.");
    private static final List<String> CONFIRM = List.of("Perfect, I'll send the calendar invite right after this call.",
            "Great, you'll have the invite and the proposal in your inbox in a few minutes.",
            "Brilliant, I've put it in the calendar.");
    private static final List<String> NO_NEXT_STEPS = List.of(
            "Okay, well, I'll let you think about it and maybe you can get back to me.",
            "Alright, feel free to reach out if you have any questions.",
            "Okay. I'll send you some material and you can have a look whenever you get to it.");
    private static final List<String> NO_NEXT_REPLIES = List.of("Sure, I'll let you know.", "Okay, thanks.",
            "Yeah, I'll have a look.");
    private static final List<String> CLOSINGS = List.of("Thanks so much for your time, {customer}. Talk soon!",
            "Great talking to you, have a good rest of your day.", "Thanks, {customer}, speak soon. Bye now.");
    private static final List<String> BYES = List.of("Thanks, you too. Bye.", "Bye now.", "Thanks, bye.",
            "Okay, bye bye.");
    private static final List<String> FILLERS = List.of("um", "uh", "you know", "like", "I mean", "sort of");
    private static final List<String> COMPETITORS = List.of("Supermetrics", "Databox", "Funnel", "Whatagraph",
            "Looker Studio", "HubSpot's reporting");
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
    private static final List<String> TIMES = List.of("ten", "eleven thirty", "two o'clock", "three", "four");
    private static final List<String> BUDGETS = List.of("five thousand", "ten thousand", "twelve thousand",
            "twenty thousand", "thirty thousand");
    private static final List<String> ROLES = List.of("CFO", "head of marketing", "boss", "team lead",
            "marketing director");
    private static final List<String> PRODUCTS = List.of("annual plan", "team plan", "pilot", "enterprise licence");

    /** One conversation being written: the clock, who spoke last, and what each side has said. */
    private static final class Conversation {

        private final Script s;
        private final SplittableRandom rnd;
        private final String repLabel;
        private final String customerLabel;
        /** The rep's talk share this call aims at: nearer 45% with good practice, 70% with poor. */
        private final double targetShare;
        private final double customerPace;
        private final double customerPatience;
        private final double customerFillers;
        private final double interrupts;
        private final String competitor;
        private final String day;
        private final String time;
        private final String budget;
        private final String role;
        private final String product;
        private final StringBuilder utterances = new StringBuilder(8192);
        private final StringBuilder text = new StringBuilder(4096);
        private final Set<String> used = new HashSet<>();
        private String lastSpeaker;
        private long lastStart = -1;
        private long lastEnd;
        private long audioEnd;
        private long repMs;
        private long customerMs;
        private double confidence;
        private int count;

        Conversation(Script s) {
            this.s = s;
            this.rnd = new SplittableRandom(s.seed());
            this.repLabel = s.inbound() ? "A" : "B";
            this.customerLabel = s.inbound() ? "B" : "A";
            this.targetShare = clamp(0.55 - 0.18 * s.practice() + 0.04 * Planner.gaussian(rnd), 0.32, 0.85);
            this.customerPace = 2.2 + 0.8 * rnd.nextDouble();
            this.customerPatience = 0.3 + 0.8 * rnd.nextDouble();
            this.customerFillers = 0.1 + 0.25 * rnd.nextDouble();
            // poor practice talks over the customer more
            this.interrupts = s.rep().interrupts() * (s.practice() < 0 ? 1.6 : 0.7);
            this.competitor = pick(COMPETITORS);
            this.day = pick(DAYS);
            this.time = pick(TIMES);
            this.budget = pick(BUDGETS);
            this.role = pick(ROLES);
            this.product = pick(PRODUCTS);
        }

        Written write() {
            open();
            discovery();
            long until = s.seconds() * 1000L - 20_000; // leaves room for the close
            int objections = 0;
            while (lastEnd < until) {
                double p = s.practice();
                double[] weights = {3, 2.5, objections < 3 ? 1.2 : 0, 1 + Math.max(0, 1.5 + p), 0.5 + Math.max(0, p)};
                switch (pickWeighted(weights)) {
                    case 0 -> pitch();
                    case 1 -> customerQuestion();
                    case 2 -> {
                        objection();
                        objections++;
                    }
                    case 3 -> followUp();
                    default -> check();
                }
            }
            close();
            // the recording runs on a moment after the last word; a call that wrapped up early is still 2 minutes
            int seconds = (int) Math.max((audioEnd + 500 + 999) / 1000, Math.min(s.seconds(), 120));
            StringBuilder json = new StringBuilder(utterances.length() + text.length() + 200);
            json.append("{\"id\":\"").append(s.id()).append("\",\"status\":\"completed\",\"audio_duration\":")
                    .append(seconds).append(",\"language_code\":\"en_us\",\"speaker_labels\":true,\"confidence\":")
                    .append(round(confidence / Math.max(1, count))).append(",\"utterances\":[").append(utterances)
                    .append("],\"text\":");
            quote(json, text);
            return new Written(json.append('}').toString(), seconds);
        }

        private void open() {
            if (s.inbound()) {
                rep(pick(GREETING));
                customer(pick(CALLER_OPENS));
                rep(pick(ASK_NAME));
                customer(pick(GIVE_NAME));
                rep(pick(WELCOME));
            } else {
                customer(pick(PICK_UP));
                rep(pick(CALL_OPENS));
                customer(pick(GO_AHEAD));
            }
        }

        /** The first round of questions: good practice asks about budget, timeline and decision makers. */
        private void discovery() {
            double p = s.practice();
            for (int topic = PAIN; topic <= DECISION; topic++) {
                double chance = topic <= CURRENT ? sigmoid(0.8 + 1.2 * p) : sigmoid(-0.2 + 1.6 * p);
                if (rnd.nextDouble() < chance) {
                    ask(topic);
                }
                if (topic == CURRENT && p < 0 && rnd.nextDouble() < 0.5) {
                    pitch(); // jumps to the pitch before finding out much
                }
            }
        }

        private void ask(int topic) {
            String lead = rnd.nextDouble() < 0.3 ? pick(BACKCHANNELS) + " " : "";
            rep(lead + fresh(QUESTIONS.get(topic)));
            customer(answer(pick(ANSWERS.get(topic))));
            if (rnd.nextDouble() < sigmoid(s.practice()) * 0.5) {
                rep(fresh(PROBES));
                customer(answer(fresh(MORE)));
            }
        }

        private void pitch() {
            StringBuilder b = new StringBuilder();
            if (rnd.nextDouble() < sigmoid(s.practice() - 0.5)) {
                b.append(fresh(TAILORED));
            }
            int sentences = repShare() < targetShare ? 2 + rnd.nextInt(4) : 1 + rnd.nextInt(2);
            for (int i = 0; i < sentences; i++) {
                append(b, fresh(PITCH));
            }
            rep(b.toString());
            if (rnd.nextDouble() < 0.6) {
                customer(pick(BACKCHANNELS));
            }
        }

        private void customerQuestion() {
            String[] qa = CUSTOMER_QUESTIONS.get(rnd.nextInt(CUSTOMER_QUESTIONS.size()));
            if (!used.add(qa[0])) {
                qa = CUSTOMER_QUESTIONS.get(rnd.nextInt(CUSTOMER_QUESTIONS.size())); // one more try
            }
            customer(qa[0]);
            StringBuilder b = new StringBuilder(qa[1]);
            if (repShare() < targetShare) {
                append(b, fresh(PITCH));
            }
            rep(b.toString());
        }

        private void objection() {
            int kind = rnd.nextInt(OBJECTIONS.size());
            customer(answer(pick(OBJECTIONS.get(kind))));
            rep(pick(HANDLING.get(kind)));
            customer(fresh(REACTIONS));
        }

        private void followUp() {
            ask(rnd.nextInt(QUESTIONS.size()));
        }

        private void check() {
            rep(pick(CHECKS));
            customer(answer(fresh(REACTIONS)));
        }

        private void close() {
            if (rnd.nextDouble() < sigmoid(0.2 + 1.8 * s.practice())) {
                rep(pick(NEXT_STEPS));
                customer(pick(AGREE));
                rep(pick(CONFIRM));
            } else {
                rep(pick(NO_NEXT_STEPS));
                customer(pick(NO_NEXT_REPLIES));
            }
            rep(pick(CLOSINGS));
            customer(pick(BYES));
        }

        /** A customer's answer, longer while the rep has had more than their share of the talking. */
        private String answer(String first) {
            StringBuilder b = new StringBuilder(first);
            int more = repShare() > targetShare ? 2 + rnd.nextInt(3) : rnd.nextInt(2);
            for (int i = 0; i < more; i++) {
                append(b, fresh(MORE));
            }
            return b.toString();
        }

        private double repShare() {
            long total = repMs + customerMs;
            return total == 0 ? targetShare : (double) repMs / total;
        }

        private void rep(String words) {
            say(true, words);
        }

        private void customer(String words) {
            say(false, words);
        }

        private void say(boolean rep, String template) {
            String said = fillers(fill(template), rep ? s.rep().fillers() : customerFillers);
            int words = 1;
            for (int i = 0; i < said.length(); i++) {
                if (said.charAt(i) == ' ') {
                    words++;
                }
            }
            double pace = rep ? s.rep().pace() : customerPace;
            long duration = Math.round(words / pace * 1000 * (0.9 + 0.2 * rnd.nextDouble())) + 150;
            String speaker = rep ? repLabel : customerLabel;
            long start;
            if (lastSpeaker == null) {
                start = 300 + rnd.nextInt(900);
            } else if (speaker.equals(lastSpeaker)) {
                start = lastEnd + 400 + rnd.nextInt(800);
            } else if (rnd.nextDouble() < (rep ? interrupts : 0.03)) {
                start = Math.max(lastStart + 300, lastEnd - 200 - rnd.nextInt(1300)); // talks over the end
            } else {
                double usual = rep ? s.rep().patience() : customerPatience;
                start = lastEnd + Math.round(clamp(usual * Math.exp(0.35 * Planner.gaussian(rnd)), 0.2, 2.5) * 1000);
            }
            start = Math.max(start, lastStart + 1);
            long end = start + duration;
            double conf = clamp(0.97 - 0.1 * rnd.nextDouble() - (said.length() < 12 ? 0.05 : 0), 0.5, 0.99);
            if (count > 0) {
                utterances.append(',');
                text.append(' ');
            }
            utterances.append("{\"speaker\":\"").append(speaker).append("\",\"start\":").append(start)
                    .append(",\"end\":").append(end).append(",\"text\":");
            quote(utterances, said);
            utterances.append(",\"confidence\":").append(round(conf)).append('}');
            text.append(said);
            confidence += conf;
            count++;
            if (rep) {
                repMs += duration;
            } else {
                customerMs += duration;
            }
            lastSpeaker = speaker;
            lastStart = start;
            lastEnd = end;
            audioEnd = Math.max(audioEnd, end);
        }

        /** Now and then a filler word inside a sentence: "we use, um, spreadsheets". */
        private String fillers(String said, double chance) {
            if (rnd.nextDouble() >= chance) {
                return said;
            }
            int at = -1;
            int spaces = 0;
            for (int i = 0; i < said.length(); i++) {
                if (said.charAt(i) == ' ') {
                    spaces++;
                }
            }
            if (spaces < 3) {
                return said;
            }
            int target = 1 + rnd.nextInt(spaces - 1);
            for (int i = 0, seen = 0; i < said.length(); i++) {
                if (said.charAt(i) == ' ' && ++seen == target) {
                    at = i;
                    break;
                }
            }
            char before = said.charAt(at - 1);
            String comma = Character.isLetterOrDigit(before) ? "," : "";
            return said.substring(0, at) + comma + " " + pick(FILLERS) + "," + said.substring(at);
        }

        private String fill(String template) {
            if (template.indexOf('{') < 0) {
                return template;
            }
            return template.replace("{company}", s.company()).replace("{rep}", s.rep().firstName())
                    .replace("{customer}", s.customer()).replace("{where}", s.where())
                    .replace("{competitor}", competitor).replace("{day}", day).replace("{time}", time)
                    .replace("{budget}", budget).replace("{role}", role).replace("{product}", product);
        }

        /** A sentence not yet said in this call if a few tries find one: people repeat themselves, but not much. */
        private String fresh(List<String> list) {
            String said = pick(list);
            for (int i = 0; i < 3 && !used.add(said); i++) {
                said = pick(list);
            }
            return said;
        }

        private String pick(List<String> list) {
            return list.get(rnd.nextInt(list.size()));
        }

        private int pickWeighted(double[] weights) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double u = rnd.nextDouble() * total;
            for (int i = 0; i < weights.length - 1; i++) {
                u -= weights[i];
                if (u < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private static void append(StringBuilder b, String sentence) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(sentence);
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double clamp(double x, double min, double max) {
        return Math.max(min, Math.min(max, x));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static void quote(StringBuilder out, CharSequence s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
