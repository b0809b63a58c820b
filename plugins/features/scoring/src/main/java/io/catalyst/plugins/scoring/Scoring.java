package io.catalyst.plugins.scoring;

import io.catalyst.api.PluginContext;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.Score;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scores leads with the company's current model: the ML champion once one is deployed, the points model before.
 * Every lead that comes in or changes is scored at once; the 6-hourly run re-scores them all (points fade with age).
 */
final class Scoring {

    /** Names the job that reads new CRM records and scores them. */
    static final String INGEST_JOB = "ingest";
    static final String RESCORE_JOB = "rescore";
    static final String TRAIN_JOB = "train";

    private Scoring() {
    }

    /** Scores these leads now and stores the scores (with an audit row where a score changed); answers how many. */
    static int score(PluginContext ctx, List<Leads.Lead> leads, Instant now) {
        if (leads.isEmpty()) {
            return 0;
        }
        Models.Current model = Models.current(ctx);
        List<Map.Entry<UUID, Score>> scores = new ArrayList<>(leads.size());
        for (Leads.Lead lead : leads) {
            scores.add(new AbstractMap.SimpleEntry<>(lead.id(), model.score(facts(lead), now)));
        }
        List<Leads.Moved> moved = Leads.saveScores(ctx, scores);
        if (!moved.isEmpty()) {
            Map<UUID, Score> byLead = new java.util.HashMap<>();
            scores.forEach(e -> byLead.put(e.getKey(), e.getValue()));
            HotLeads.raise(ctx, model, leads, byLead, moved, now);
            ctx.scheduler().runLater(CrmSync.JOB, java.time.Duration.ofSeconds(30)); // the CRM hears of it soon
        }
        return scores.size();
    }

    /** Stores an import's good rows and scores them; audited. Answers the leads that were new or changed. */
    static List<Leads.Lead> importLeads(PluginContext ctx, CsvImport.Result read) {
        List<Leads.Lead> changed = Leads.upsert(ctx, read.leads());
        score(ctx, changed, Instant.now());
        ctx.audit().record("leads:imported", "leads", null, read.leads().size() + " rows read, " + changed.size()
                + " new or changed, " + read.errors().size() + " left out");
        QualityWatch.check(ctx, java.util.Set.of("import"), Instant.now());
        return changed;
    }

    /** Asks for every lead to be scored again now, as a job: a company's leads can outlast a request. */
    static void requestRescore(PluginContext ctx) {
        ctx.scheduler().runLater(RESCORE_JOB, java.time.Duration.ZERO);
    }

    /** Re-scores every lead of the company, a page at a time. */
    static int rescoreAll(PluginContext ctx, Instant now) {
        int scored = 0;
        UUID after = null;
        List<Leads.Lead> page;
        do {
            page = Leads.after(ctx, after, 1000);
            scored += score(ctx, page, now);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == 1000);
        return scored;
    }

    /** The facts with the lead's stored id (the models name it in fingerprints). */
    static LeadFacts facts(Leads.Lead lead) {
        LeadFacts f = lead.facts();
        return new LeadFacts(lead.id().toString(), lead.createdAt(), f.channel(), f.jobTitle(), f.employees(),
                f.industry(), f.country(), f.form(), f.pageViews(), f.emailOpens(), f.email());
    }
}
