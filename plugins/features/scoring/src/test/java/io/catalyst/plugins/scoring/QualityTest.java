package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.tasks.TaskRequest;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PluginTestKitExtension.class)
class QualityTest {

    private static LeadFacts facts(String email, String title) {
        return new LeadFacts("1", Instant.EPOCH, "web-form", title, null, null, null, null, null, null, email);
    }

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
    void aSourceWithAQuarterOfPoorLeadsAsksForOneTaskAWeek(PluginTestKit kit) {
        Map<String, Object> bad = Map.of("source", "import", "leads", 40L, "quality", 62, "poor", 12L,
                "invalid_email", 7L, "disposable", 3L, "shared_inbox", 1L, "missing_fields", 4L, "duplicates", 2L);
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
            assertThat(String.valueOf(e.payload().get("body"))).contains("7 invalid or missing addresses");
        });
        assertThat(QualityWatch.check(kit.context(), Set.of("hubspot"), Instant.now())).as("only sources touched")
                .isZero();
    }
}
