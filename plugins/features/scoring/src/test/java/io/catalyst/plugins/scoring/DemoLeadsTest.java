package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonObject;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.demodata.DemoData;
import io.catalyst.demodata.DemoScale;
import io.catalyst.plugins.scoring.model.Evaluation;
import io.catalyst.plugins.scoring.model.Factor;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.RulesModel;
import io.catalyst.plugins.scoring.model.Training;
import io.catalyst.plugins.scoring.model.TrainingRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plugin's whole path over the demo generator's CRM, which plants what converts a lead: contacts read as the
 * warehouse serves them become leads, and a model trained on those whose outcome is known finds the drivers.
 */
class DemoLeadsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final Instant NOW = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC);

    /** The leads whose 90 days have passed, created in the 200 days before (Einstein's window), labelled. */
    private static List<TrainingRow> rows() {
        List<TrainingRow> rows = new ArrayList<>();
        Instant to = NOW.minus(Duration.ofDays(90));
        Instant from = to.minus(Duration.ofDays(200));
        DemoData.of("acme", TODAY).withScale(DemoScale.DEMO).contacts(c -> {
            JsonObject raw = Json.parse(c.rawJson());
            Map<String, Object> fields = new HashMap<>();
            fields.put("email", c.email());
            fields.put("name", c.name());
            fields.put("company", c.company());
            fields.put("lifecycle_stage", c.lifecycleStage());
            fields.put("created_at", c.createdAt().toString());
            fields.put("updated_at", c.updatedAt().toString());
            fields.put("properties", raw.getObject("properties").toJson());
            Leads.Incoming lead = Ingest.contact(new RecordPage.WarehouseRecord("sandbox", c.id(), NOW, fields));
            if (!lead.createdAt().isBefore(from) && lead.createdAt().isBefore(to)) {
                boolean converted = lead.convertedAt() != null
                        && lead.convertedAt().isBefore(lead.createdAt().plus(Duration.ofDays(90)));
                LeadFacts f = lead.facts();
                rows.add(new TrainingRow(new LeadFacts(c.id(), f.createdAt(), f.channel(), f.jobTitle(), f.employees(),
                        f.industry(), f.country(), f.form(), f.pageViews(), f.emailOpens(), f.email()), converted));
            }
        });
        return rows;
    }

    @Test
    void aModelOnTheDemoCrmRanksWellAndNamesThePlantedDrivers() {
        List<TrainingRow> rows = rows();
        long converted = rows.stream().filter(TrainingRow::converted).count();
        assertThat(rows.size()).as("Einstein's threshold is met").isGreaterThanOrEqualTo(1000);
        assertThat(converted).isGreaterThanOrEqualTo(120);

        Training.Trained trained = Training.train("all", "ml-1", rows, Set.of(), Training.Settings.defaults());
        Evaluation held = trained.card().evaluation();
        assertThat(held.auc()).as("AUC on held-out leads").isGreaterThanOrEqualTo(0.75);
        assertThat(held.brier()).as("better than guessing the average").isLessThan(held.baseRateBrier());
        List<String> top = trained.card().topFactors().stream().limit(5).map(Factor::feature).toList();
        assertThat(top).as("the planted drivers: the first form, the job level, the company's size")
                .contains("form", "seniority");
        assertThat(trained.card().topFactors().stream().map(Factor::feature).limit(8)).contains("size");
        assertThat(top).doesNotContain("industry", "country");

        // the defaults of the points model mirror those drivers: they rank nearly as well, with no history at all
        RulesModel points = RulesModel.defaults();
        double auc = Evaluation.of(trained.heldOut().stream().mapToDouble(r -> points.score(r.facts(),
                r.facts().createdAt()).points() / 100.0).toArray(), outcomes(trained.heldOut())).auc();
        assertThat(auc).isGreaterThan(0.65);
    }

    private static boolean[] outcomes(List<TrainingRow> rows) {
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i).converted();
        }
        return y;
    }
}
