package io.catalyst.plugins.scoring.model;

import java.util.List;
import java.util.Set;

/** One model trained on the synthetic leads, shared by the tests that only read it. */
final class TrainedOnce {

    static final List<TrainingRow> ROWS = SyntheticLeads.generate(5_000, 7);
    static final Training.Trained MODEL = Training.train("all", "ml-all-1", ROWS, Set.of(),
            Training.Settings.defaults());

    private TrainedOnce() {
    }

    static LeadFacts hotLead() {
        return new LeadFacts("hot", SyntheticLeads.NOW, "linkedin-ads", "VP Marketing", 800, "Software", "DE",
                "Demo request", 40, 5, "vp@acme.com");
    }

    /** A demo request that a student sent from a personal address: in the middle, pulled down by who sent it. */
    static LeadFacts studentLead() {
        return new LeadFacts("student", SyntheticLeads.NOW, "google-ads", "Marketing Intern", 500, "Software", "DE",
                "Demo request", 10, 2, "kid@gmail.com");
    }

    static LeadFacts coldLead() {
        return new LeadFacts("cold", SyntheticLeads.NOW, "meta-ads", "Student", 50, "Retail", "FR", "Newsletter", 0,
                0, "kid@gmail.com");
    }
}
