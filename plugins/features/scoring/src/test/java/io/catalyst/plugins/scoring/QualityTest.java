package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PluginTestKitExtension.class)
class QualityTest {

    private static LeadFacts facts(String email, String title) {
        return facts(email, title, null);
    }

    private static LeadFacts facts(String email, String title, String country) {
        return new LeadFacts("1", Instant.EPOCH, "web-form", title, null, null, country, null, null, null, email);
    }

    private static final LeadFacts BERLIN = facts("anna.mueller@helix.example.com", "CMO", "DE");

    @Test
    void aCompleteLeadAtAPersonsAddressIsPerfect() {
        Quality.Report r = Quality.of(facts("ada.lovelace@helix.example.com", "CEO"), "Ada Lovelace", "Helix");
        assertThat(r.score()).isEqualTo(100);
        assertThat(r.issues()).isEmpty();
    }

    @Test
    void whatIsWrongCostsPointsAndIsSaidInWords() {
        Quality.Report throwaway = Quality.of(facts("Info@Mailinator.com", null), null, "Helix");
        assertThat(throwaway.issues()).extracting(Quality.Issue::code).containsExactly("email-disposable",
                "email-shared", "name-missing", "title-missing");
        assertThat(throwaway.score()).isEqualTo(100 - 30 - 10 - 15 - 5);
        assertThat(throwaway.issues().get(0).words()).isEqualTo("A throwaway address (mailinator.com)");

        Quality.Report invalid = Quality.of(facts("ada@localhost", "CEO"), "Ada", "Helix");
        assertThat(invalid.issues()).extracting(Quality.Issue::code).containsExactly("email-invalid");
        assertThat(Quality.of(facts(null, null), null, null).score()).as("nothing known at all").isEqualTo(30);
    }

    @Test
    void duplicatesAreFoundByWhatPeopleMean() {
        assertThat(Quality.normalEmail(" Ada.Lovelace+news@GMAIL.com")).isEqualTo("adalovelace@gmail.com");
        assertThat(Quality.normalEmail("ada.lovelace+x@helix.com")).isEqualTo("ada.lovelace@helix.com");
        assertThat(Quality.normalEmail("no address")).isNull();
        assertThat(Quality.normalPerson("Ada  Lovelace", "Helix Labs GmbH"))
                .isEqualTo(Quality.normalPerson("ada lovelace", "Helix Labs")).isEqualTo("adalovelace|helixlabs");
        assertThat(Quality.normalPerson("Ada", " ")).isNull();
    }

    @Test
    void aPhoneNumberIsReadInTheLeadsCountry() {
        assertThat(Quality.normalPhone("030 123456", "DE")).isEqualTo("+4930123456");
        assertThat(Quality.normalPhone("0049 (30) 123-456", "DE")).isEqualTo("+4930123456");
        assertThat(Quality.normalPhone("0049 30 123456", null)).as("00 dials abroad").isEqualTo("+4930123456");
        assertThat(Quality.normalPhone("+49 30 123456", "US")).as("a + number ignores the country")
                .isEqualTo("+4930123456");
        assertThat(Quality.normalPhone("0151 23456789", "de")).isEqualTo("+4915123456789");
        assertThat(Quality.normalPhone("(650) 253-0000", "US")).isEqualTo("+16502530000");
        assertThat(Quality.normalPhone("+1 650-253-0000 ext. 12", "US")).as("E.164 has no extension")
                .isEqualTo("+16502530000");
        assertThat(Quality.normalPhone("020 7946 0958", "UK")).as("UK for GB").isEqualTo("+442079460958");
        assertThat(Quality.normalPhone("０３０ １２３４５６", "DE")).as("full-width digits").isEqualTo("+4930123456");
    }

    @Test
    void whatIsNoPhoneNumberGivesNone() {
        assertThat(Quality.normalPhone("030 123456", null)).as("no country to read it in").isNull();
        assertThat(Quality.normalPhone("030 123456", "Germany")).as("not an ISO code").isNull();
        assertThat(Quality.normalPhone("(555) 123-4567", "US")).as("a film's number").isNull();
        assertThat(Quality.normalPhone("1234", "DE")).isNull();
        assertThat(Quality.normalPhone("+49 1111111111", "DE")).isNull();
        assertThat(Quality.normalPhone("call me maybe", "DE")).isNull();
        assertThat(Quality.normalPhone(null, "DE")).isNull();
        assertThat(Quality.normalPhone("", "DE")).isNull();
        assertThat(Quality.normalPhone("+".repeat(5), null)).isNull();
        assertThat(Quality.normalPhone("030 123456".repeat(10_000), "DE")).as("very long").isNull();
        assertThat(Quality.normalPhone("+49 30 ١٢٣٤٥٦ 📞 \u202E\uFEFF", "DE")).isIn(null, "+4930123456");
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            String s = random.ints(random.nextInt(40), 0, 0x3000).collect(StringBuilder::new,
                    StringBuilder::appendCodePoint, StringBuilder::append).toString();
            Quality.normalPhone(s, "DE"); // no exception
            Quality.of(BERLIN, "Anna", "Helix", s);
        }
    }

    @Test
    void aWrongPhoneNumberCostsAndAMissingOneDoesNot() {
        assertThat(Quality.of(BERLIN, "Anna Müller", "Helix", "030 123456").issues()).isEmpty();
        assertThat(Quality.of(BERLIN, "Anna Müller", "Helix", null).score()).isEqualTo(100);
        assertThat(Quality.of(BERLIN, "Anna Müller", "Helix", " ").score()).isEqualTo(100);
        assertThat(Quality.of(BERLIN, "Anna Müller", "Helix", "n/a").score()).as("skipped, not mistyped")
                .isEqualTo(100);

        Quality.Report wrong = Quality.of(BERLIN, "Anna Müller", "Helix", " 12345 ");
        assertThat(wrong.issues()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("phone-invalid");
            assertThat(i.cost()).isEqualTo(15);
            assertThat(i.words()).isEqualTo("\"12345\" is not a valid phone number");
        });
        assertThat(wrong.score()).isEqualTo(85);

        assertThat(Quality.of(facts("a@b.example.com", "CMO", null), "A", "B", "030 123456").issues())
                .as("a national number from an unknown country is not known to be wrong").isEmpty();
        assertThat(Quality.of(facts("a@b.example.com", "CMO", null), "A", "B", "123").issues())
                .as("but three digits are no number anywhere").extracting(Quality.Issue::code)
                .containsExactly("phone-invalid");
        assertThat(Quality.of(facts("a@b.example.com", "CMO", null), "A", "B", "+999 123456").issues())
                .as("an international number is judged without a country").extracting(Quality.Issue::code)
                .containsExactly("phone-invalid");

        String hostile = "9".repeat(100_000);
        assertThat(Quality.of(BERLIN, "Anna", "Helix", hostile).issues()).singleElement().satisfies(i ->
                assertThat(i.words()).isEqualTo("\"" + "9".repeat(40) + "…\" is not a valid phone number"));
        assertThat(Quality.of(facts(null, null), null, null, "0").score()).as("the worst there is").isEqualTo(15);
    }

    @Test
    void aSourceWithAQuarterOfPoorLeadsAsksForOneTaskAWeek(PluginTestKit kit) {
        Map<String, Object> bad = Map.of("source", "import", "leads", 40L, "quality", 62, "poor", 12L,
                "invalid_email", 7L, "disposable", 3L, "shared_inbox", 1L, "missing_fields", 4L, "invalid_phone", 6L,
                "duplicates", 2L);
        Map<String, Object> fine = Map.of("source", "hubspot", "leads", 400L, "quality", 91, "poor", 20L,
                "invalid_email", 0L, "disposable", 0L, "shared_inbox", 0L, "missing_fields", 20L, "duplicates", 0L);
        Map<String, Object> few = Map.of("source", "intake", "leads", 5L, "quality", 20, "poor", 5L,
                "invalid_email", 5L, "disposable", 0L, "shared_inbox", 0L, "missing_fields", 0L, "duplicates", 0L);
        kit.context().fakeData().whenQuery("group by l.source", List.of(bad, fine, few));

        int asked = QualityWatch.check(kit.context(), Set.of("import", "hubspot", "intake"),
                Instant.parse("2026-12-07T10:00:00Z"));

        assertThat(asked).isEqualTo(1);
        assertThat(kit.context().publishedEvents()).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo(TaskRequest.TOPIC);
            assertThat(e.payload()).containsEntry("dedupeKey", "quality:import:2026-W50")
                    .containsEntry("title", "Lead quality: 12 of 40 leads from import this week are poor")
                    .containsEntry("link", "plugins/scoring/quality");
            assertThat(String.valueOf(e.payload().get("body"))).contains("7 invalid or missing addresses")
                    .contains("6 invalid phone numbers");
        });
        assertThat(QualityWatch.check(kit.context(), Set.of("hubspot"), Instant.now())).as("only sources touched")
                .isZero();
    }
}
