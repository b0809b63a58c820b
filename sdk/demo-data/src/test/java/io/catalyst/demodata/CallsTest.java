package io.catalyst.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CallsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final DemoData DEMO = DemoData.of("acme", TODAY);
    static final Pattern PHONE = Pattern.compile("\"phone\":\"([^\"]+)\"");

    static final List<Call> CALLS = new ArrayList<>();
    static final Map<String, Contact> CONTACTS = new HashMap<>();
    /** Contact id by phone and by email; a phone several contacts share maps to none of them. */
    static final Map<String, String> BY_PHONE = new HashMap<>();
    static final Map<String, String> BY_EMAIL = new HashMap<>();
    static final Map<String, String> PHONES = new HashMap<>();
    static final Map<String, String> DEAL_STAGES = new HashMap<>();

    @BeforeAll
    static void generateOnce() {
        DEMO.calls(CALLS::add);
        DEMO.contacts(c -> {
            CONTACTS.put(c.id(), c);
            BY_EMAIL.put(c.email(), c.id());
            Matcher m = PHONE.matcher(c.rawJson());
            if (m.find()) {
                PHONES.put(c.id(), m.group(1));
                BY_PHONE.merge(m.group(1), c.id(), (a, b) -> "");
            }
        });
        DEMO.deals(d -> DEAL_STAGES.put(d.contactId(), d.stage()));
    }

    @Test
    void theSameTenantAndDayGiveTheSameCallsAndAnotherTenantOthers() {
        List<Call> again = new ArrayList<>();
        DemoData.of("acme", TODAY).calls(again::add);
        assertThat(again).isEqualTo(CALLS);
        List<Call> other = new ArrayList<>();
        DemoData.of("globex", TODAY).calls(other::add);
        assertThat(other).isNotEmpty().isNotEqualTo(CALLS);
        assertThat(CallTranscripts.transcripts(5, 20)).isEqualTo(CallTranscripts.transcripts(5, 20))
                .isNotEqualTo(CallTranscripts.transcripts(6, 20));
    }

    @Test
    void aLaterTodayOnlyAddsCallsSoASyncedTenantKeepsItsHistory() {
        DemoData nextWeek = DemoData.of("acme", TODAY.plusDays(7));
        List<Call> later = new ArrayList<>();
        nextWeek.calls(later::add);
        // the window's first week is gone with its contacts, whose calls come at most some 60 days after them
        List<Call> kept = CALLS.stream()
                .filter(c -> c.startedAt().toLocalDate().isAfter(nextWeek.firstDay().plusDays(70))).toList();
        assertThat(kept).hasSizeGreaterThan(CALLS.size() * 3 / 4);
        assertThat(later).containsAll(kept);
        assertThat(later.stream().filter(c -> c.startedAt().toLocalDate().isAfter(TODAY))).isNotEmpty();
    }

    @Test
    void aFewHundredCallsOverTheHistorySevenInTenTranscribed() {
        assertThat(CALLS).hasSizeBetween(250, 400);
        assertThat(CALLS).extracting(Call::startedAt).isSorted();
        assertThat(CALLS).allSatisfy(c -> assertThat(c.startedAt().toLocalDate()).isBetween(DEMO.firstDay(), TODAY));
        assertThat(CALLS).extracting(Call::id).doesNotHaveDuplicates();
        double transcribed = share(CALLS, c -> c.transcript() != null);
        assertThat(transcribed).isBetween(0.62, 0.78);
        assertThat(share(CALLS, c -> c.direction().equals("inbound"))).isBetween(0.15, 0.5);
        // a small tenant has a small call history
        List<Call> small = new ArrayList<>();
        DemoData.of("acme", TODAY).withScale(DemoScale.SMALL).calls(small::add);
        assertThat(small.size()).isPositive().isLessThan(CALLS.size() / 3);
    }

    @Test
    void missedCallsAndVoicemailsHaveNoTranscriptAndAnsweredOnesLastMinutes() {
        List<Call> unanswered = CALLS.stream().filter(c -> !c.answered()).toList();
        assertThat(unanswered).hasSizeGreaterThan(20).allSatisfy(c -> {
            assertThat(c.outcome()).isIn("missed", "voicemail");
            assertThat(c.transcript()).isNull();
            assertThat(c.durationSeconds()).isLessThan(120);
        });
        assertThat(unanswered).extracting(Call::outcome).contains("missed", "voicemail");
        assertThat(CALLS).filteredOn(Call::answered).allSatisfy(c -> {
            assertThat(c.outcome()).isEqualTo("answered");
            assertThat(c.durationSeconds()).isBetween(120, 1560);
        });
        assertThat(CALLS).filteredOn(c -> c.transcript() != null).allSatisfy(c -> {
            assertThat(c.durationSeconds()).isEqualTo(((Double) json(c).get("audio_duration")).intValue());
            assertThat(c.recordingUrl()).startsWith("https://");
        });
    }

    @Test
    void inboundCallsComeFromTheAdsAndOutboundOnesFromTheReps() {
        List<String> reps = DEMO.salesReps();
        assertThat(reps).hasSizeBetween(5, 7).doesNotHaveDuplicates()
                .allSatisfy(r -> assertThat(r).matches("[a-z]+\\.[a-z]+@[a-z0-9-]+\\.example"));
        assertThat(CALLS).extracting(Call::agent).allSatisfy(a -> assertThat(a).isIn(reps));
        assertThat(CALLS.stream().map(Call::agent).distinct().count()).isEqualTo(reps.size());
        List<Call> inbound = CALLS.stream().filter(c -> c.direction().equals("inbound")).toList();
        assertThat(inbound).extracting(Call::sourceName).containsOnly("Google Ads", "Meta Ads", "TikTok Ads",
                "LinkedIn Ads", "Organic").contains("Organic", "Meta Ads");
        assertThat(inbound).allSatisfy(c -> assertThat(c.trackingNumber()).isNotNull());
        assertThat(share(inbound, c -> c.campaignId() != null)).isGreaterThan(0.6);
        assertThat(inbound).filteredOn(c -> c.sourceName().equals("Organic"))
                .allSatisfy(c -> assertThat(c.campaignId()).isNull());
        assertThat(CALLS).filteredOn(c -> c.direction().equals("outbound"))
                .allSatisfy(c -> assertThat(c.campaignId()).isNull());
    }

    @Test
    void callsJoinToTheirContactsByPhoneOrEmailAndHalfNameTheContact() {
        assertThat(CALLS).allSatisfy(c -> assertThat(BY_PHONE.containsKey(c.caller())
                || BY_EMAIL.containsKey(c.customerEmail())).as("%s joins a contact", c.id()).isTrue());
        assertThat(share(CALLS, c -> c.contactId() != null)).isBetween(0.35, 0.65);
        assertThat(CALLS).filteredOn(c -> c.contactId() != null).allSatisfy(c -> {
            Contact contact = CONTACTS.get(c.contactId());
            assertThat(contact).isNotNull();
            assertThat(c.caller().equals(PHONES.get(c.contactId())) || contact.email().equals(c.customerEmail()))
                    .isTrue();
        });
        // some must be joined by phone alone, some by email alone
        assertThat(CALLS).anyMatch(c -> c.customerEmail() == null && c.contactId() == null);
        assertThat(CALLS).anyMatch(c -> !BY_PHONE.containsKey(c.caller()));
    }

    @Test
    void everyTranscriptIsAssemblyAiShapedWithIncreasingTimes() {
        int overlaps = 0;
        for (Call c : CALLS) {
            if (c.transcript() == null) {
                continue;
            }
            Map<String, Object> t = json(c);
            assertThat(t).containsKeys("id", "status", "audio_duration", "utterances", "text")
                    .doesNotContainKey("words").containsEntry("status", "completed");
            double audioMs = (Double) t.get("audio_duration") * 1000;
            assertThat(audioMs).isBetween(120_000.0, 1_560_000.0);
            List<Map<String, Object>> utterances = utterances(t);
            assertThat(utterances).hasSizeGreaterThan(8);
            double lastStart = -1;
            double lastEnd = 0;
            StringBuilder text = new StringBuilder();
            for (Map<String, Object> u : utterances) {
                double start = (Double) u.get("start");
                double end = (Double) u.get("end");
                assertThat(u).doesNotContainKey("words");
                assertThat(u.get("speaker")).isIn("A", "B");
                assertThat(start).isGreaterThanOrEqualTo(0).isGreaterThan(lastStart);
                assertThat(end).isGreaterThan(start).isLessThanOrEqualTo(audioMs);
                assertThat((Double) u.get("confidence")).isBetween(0.0, 1.0);
                overlaps += start < lastEnd ? 1 : 0;
                lastStart = start;
                lastEnd = end;
                text.append(text.length() == 0 ? "" : " ").append(u.get("text"));
            }
            assertThat(t.get("text")).isEqualTo(text.toString());
        }
        assertThat(overlaps).as("interruptions").isGreaterThan(20);
    }

    @Test
    void theRepSpeaksFirstOnInboundCallsAndTheCustomerOnOutbound() {
        for (Call c : CALLS) {
            if (c.transcript() == null) {
                continue;
            }
            String rep = c.agent().substring(0, 1).toUpperCase() + c.agent().substring(1, c.agent().indexOf('.'));
            List<Map<String, Object>> u = utterances(json(c));
            assertThat(u.get(0).get("speaker")).isEqualTo("A");
            if (c.direction().equals("inbound")) {
                assertThat((String) u.get(0).get("text")).contains(rep);
            } else {
                assertThat((String) u.get(0).get("text")).doesNotContain(rep);
                assertThat(u.get(1).get("speaker")).isEqualTo("B");
                assertThat((String) u.get(1).get("text")).contains(rep);
            }
        }
    }

    @Test
    void repsTalkLessAndAskMoreOnDealsThatWereWonThanOnThoseLost() {
        Map<String, List<Call>> byOutcome = CALLS.stream().filter(c -> c.transcript() != null)
                .collect(Collectors.groupingBy(c -> String.valueOf(DEAL_STAGES.get(contactOf(c)))));
        List<Call> won = byOutcome.getOrDefault("closedwon", List.of());
        List<Call> lost = byOutcome.getOrDefault("closedlost", List.of());
        assertThat(won).hasSizeGreaterThan(20);
        assertThat(lost).hasSizeGreaterThan(20);
        double wonShare = won.stream().mapToDouble(CallsTest::repTalkShare).average().orElseThrow();
        double lostShare = lost.stream().mapToDouble(CallsTest::repTalkShare).average().orElseThrow();
        assertThat(wonShare).isLessThan(lostShare - 0.05).isBetween(0.4, 0.58);
        assertThat(lostShare).isBetween(0.58, 0.75);
        // noisy: some won calls are worse than the average lost one
        assertThat(won).anyMatch(c -> repTalkShare(c) > lostShare);
        double wonQuestions = won.stream().mapToDouble(CallsTest::repQuestionsPerMinute).average().orElseThrow();
        double lostQuestions = lost.stream().mapToDouble(CallsTest::repQuestionsPerMinute).average().orElseThrow();
        assertThat(wonQuestions).isGreaterThan(lostQuestions);
    }

    @Test
    @Timeout(30)
    void tenThousandBenchmarkTranscriptsComeQuickly() {
        long started = System.nanoTime();
        List<String> many = CallTranscripts.transcripts(7, 10_000);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(many).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(many.subList(0, 30)).isEqualTo(CallTranscripts.transcripts(7, 30));
        for (String t : many.subList(0, 200)) {
            assertThat(utterances(cast(MiniJson.parse(t)))).isNotEmpty();
        }
        assertThat(millis).as("milliseconds for 10,000").isLessThan(15_000);
    }

    /** The contact a consumer would join the call to: the linked id, else the email, else a phone only one has. */
    private static String contactOf(Call c) {
        if (c.contactId() != null) {
            return c.contactId();
        }
        String byEmail = BY_EMAIL.get(c.customerEmail());
        return byEmail != null ? byEmail : BY_PHONE.get(c.caller());
    }

    /** The rep's part of the time anyone speaks, from the utterance times. */
    static double repTalkShare(Call c) {
        String rep = c.direction().equals("inbound") ? "A" : "B";
        double repMs = 0;
        double allMs = 0;
        for (Map<String, Object> u : utterances(json(c))) {
            double ms = (Double) u.get("end") - (Double) u.get("start");
            allMs += ms;
            repMs += rep.equals(u.get("speaker")) ? ms : 0;
        }
        return repMs / allMs;
    }

    static double repQuestionsPerMinute(Call c) {
        String rep = c.direction().equals("inbound") ? "A" : "B";
        long questions = utterances(json(c)).stream().filter(u -> rep.equals(u.get("speaker")))
                .mapToLong(u -> ((String) u.get("text")).chars().filter(ch -> ch == '?').count()).sum();
        return questions / (c.durationSeconds() / 60.0);
    }

    static Map<String, Object> json(Call c) {
        return cast(MiniJson.parse(c.transcript()));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> utterances(Map<String, Object> transcript) {
        return (List<Map<String, Object>>) transcript.get("utterances");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object json) {
        return (Map<String, Object>) json;
    }

    private static double share(List<Call> calls, java.util.function.Predicate<Call> which) {
        return calls.stream().filter(which).count() / (double) calls.size();
    }
}
