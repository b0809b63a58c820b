package io.catalyst.plugins.scoring;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.catalyst.api.PluginContext;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.Reason;
import io.catalyst.plugins.scoring.model.Score;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The plugin's SQL on leads and their scores, for the context's company (row-level security). Writes of many leads
 * go as one statement over a JSON array: each {@code ctx.data()} call is its own transaction, so a batch is all or
 * nothing, and a thousand leads cost one round trip instead of a thousand.
 */
final class Leads {

    /** How many leads one statement writes. */
    static final int BATCH = 500;

    private Leads() {
    }

    /** A lead as stored. */
    record Lead(UUID id, String source, String externalId, String email, String name, String company, LeadFacts facts,
                Instant createdAt, Instant convertedAt, Integer points, Double probability, String model,
                List<Reason> reasons, Instant scoredAt, Integer quality, List<String> qualityIssues, String phone) {
    }

    /** Another lead that looks like the same person: same address, or same name at the same company. */
    record Duplicate(UUID id, String source, String name, String email, boolean sameEmail, String reason) {
    }

    /** One incoming lead, from the CRM or the intake. */
    record Incoming(String source, String externalId, String email, String name, String company, String phone,
                    LeadFacts facts, Instant createdAt, Instant convertedAt) {
    }

    /** A score change as the audit keeps it. */
    record Change(Instant at, Integer from, int to, String model, List<Reason> reasons) {
    }

    private static final String COLUMNS = "id, source, external_id, email, name, company, facts, created_at,"
            + " converted_at, points, probability, model, reasons, scored_at, quality, quality_issues, phone";

    /**
     * Inserts new leads and updates those whose facts or conversion changed; answers the ones inserted or changed
     * (what needs a score now). A conversion already known is never taken back by a later read without one.
     */
    static List<Lead> upsert(PluginContext ctx, List<Incoming> incoming) {
        List<Lead> changed = new ArrayList<>();
        for (int from = 0; from < incoming.size(); from += BATCH) {
            JsonArray rows = Json.createArray();
            for (Incoming in : incoming.subList(from, Math.min(incoming.size(), from + BATCH))) {
                JsonObject o = Json.createObject();
                o.put("id", UUID.randomUUID().toString());
                o.put("source", in.source());
                o.put("external_id", in.externalId());
                putText(o, "email", in.email());
                putText(o, "name", in.name());
                putText(o, "company", in.company());
                putText(o, "phone", in.phone() == null || in.phone().length() <= 100 ? in.phone()
                        : in.phone().substring(0, 100));
                o.put("facts", LeadJson.write(in.facts()));
                o.put("created_at", in.createdAt().toString());
                putText(o, "converted_at", in.convertedAt() == null ? null : in.convertedAt().toString());
                Quality.Report quality = Quality.of(in.facts(), in.name(), in.company(), in.phone());
                o.put("quality", quality.score());
                o.put("quality_issues", issues(quality));
                StringBuilder codes = new StringBuilder(" ");
                quality.issues().forEach(i -> codes.append(i.code()).append(' '));
                o.put("quality_codes", codes.toString());
                putText(o, "email_key", Quality.normalEmail(in.email()));
                putText(o, "person_key", Quality.normalPerson(in.name(), in.company()));
                putText(o, "phone_key", Quality.normalPhone(in.phone(), in.facts().country()));
                putText(o, "company_key", Duplicates.companyKey(in.company()));
                rows.set(rows.length(), o);
            }
            ctx.data().query("""
                    insert into scoring_lead (id, source, external_id, email, name, company, phone, facts, created_at,
                                              converted_at, quality, quality_issues, quality_codes, email_key,
                                              person_key, phone_key, company_key)
                    select x.id, x.source, x.external_id, x.email, x.name, x.company, x.phone, x.facts, x.created_at,
                           x.converted_at, x.quality, x.quality_issues, x.quality_codes, x.email_key, x.person_key,
                           x.phone_key, x.company_key
                    from jsonb_to_recordset(?::jsonb) as x(id uuid, source text, external_id text, email text,
                         name text, company text, phone text, facts text, created_at timestamptz,
                         converted_at timestamptz, quality integer, quality_issues text, quality_codes text,
                         email_key text, person_key text, phone_key text, company_key text)
                    on conflict (tenant_id, source, external_id) do update set
                      email = excluded.email, name = excluded.name, company = excluded.company,
                      phone = excluded.phone, facts = excluded.facts, created_at = excluded.created_at,
                      quality = excluded.quality, quality_issues = excluded.quality_issues,
                      quality_codes = excluded.quality_codes, email_key = excluded.email_key,
                      person_key = excluded.person_key, phone_key = excluded.phone_key,
                      company_key = excluded.company_key,
                      converted_at = coalesce(scoring_lead.converted_at, excluded.converted_at), updated_at = now()
                    where (scoring_lead.email, scoring_lead.name, scoring_lead.company, scoring_lead.phone,
                           scoring_lead.facts, scoring_lead.created_at, scoring_lead.converted_at)
                          is distinct from (excluded.email, excluded.name, excluded.company, excluded.phone,
                           excluded.facts, excluded.created_at,
                           coalesce(scoring_lead.converted_at, excluded.converted_at))
                    returning\s""" + COLUMNS, rows.toJson()).forEach(r -> changed.add(lead(r)));
        }
        return changed;
    }

    /** Marks leads converted (a deal was opened for them), by source and id; the earliest conversion stays. */
    static int converted(PluginContext ctx, String source, Map<String, Instant> byExternalId) {
        if (byExternalId.isEmpty()) {
            return 0;
        }
        JsonArray rows = Json.createArray();
        byExternalId.forEach((id, at) -> {
            JsonObject o = Json.createObject();
            o.put("external_id", id);
            o.put("at", at.toString());
            rows.set(rows.length(), o);
        });
        return ctx.data().update("""
                update scoring_lead l set converted_at = x.at, updated_at = now()
                from jsonb_to_recordset(?::jsonb) as x(external_id text, at timestamptz)
                where l.source = ? and l.external_id = x.external_id
                  and (l.converted_at is null or l.converted_at > x.at)""", rows.toJson(), source);
    }

    /** A lead whose points changed in {@link #saveScores}: from (null for its first score) and to. */
    record Moved(UUID id, Integer from, int to) {
    }

    /**
     * Stores scores; a change of points or model is kept in the audit of score changes, with its reasons. Answers
     * the leads whose points changed.
     */
    static List<Moved> saveScores(PluginContext ctx, List<Map.Entry<UUID, Score>> scores) {
        List<Moved> moved = new ArrayList<>();
        for (int from = 0; from < scores.size(); from += BATCH) {
            JsonArray rows = Json.createArray();
            for (Map.Entry<UUID, Score> e : scores.subList(from, Math.min(scores.size(), from + BATCH))) {
                Score s = e.getValue();
                JsonObject o = Json.createObject();
                o.put("id", e.getKey().toString());
                o.put("points", s.points());
                if (s.probability() != null) {
                    o.put("probability", s.probability());
                }
                o.put("model", s.model());
                o.put("reasons", LeadJson.reasons(s.reasons()));
                rows.set(rows.length(), o);
            }
            // one snapshot for the whole statement: "old" reads the points as they were before the update
            for (Map<String, Object> r : ctx.data().query("""
                    with x as (select * from jsonb_to_recordset(?::jsonb) as x(id uuid, points integer,
                                 probability double precision, model text, reasons text)),
                         old as (select l.id, l.points, l.model from scoring_lead l join x on x.id = l.id),
                         audit as (insert into scoring_change (lead_id, from_points, to_points, model, reasons)
                                   select x.id, old.points, x.points, x.model, x.reasons from x join old on old.id = x.id
                                   where old.points is distinct from x.points or old.model is distinct from x.model)
                    update scoring_lead l set points = x.points, probability = x.probability, model = x.model,
                           reasons = x.reasons, scored_at = now()
                    from x join old on old.id = x.id where l.id = x.id
                    returning l.id, old.points as before, x.points as after""", rows.toJson())) {
                Integer before = r.get("before") == null ? null : ((Number) r.get("before")).intValue();
                int after = ((Number) r.get("after")).intValue();
                if (before == null || before != after) {
                    moved.add(new Moved((UUID) r.get("id"), before, after));
                }
            }
        }
        return moved;
    }

    static Optional<Lead> get(PluginContext ctx, UUID id) {
        return ctx.data().query("select " + COLUMNS + " from scoring_lead where id = ?", id).stream().findFirst()
                .map(Leads::lead);
    }

    /**
     * A page of leads, best score first.
     *
     * @param minPoints only leads scoring at least this, or null
     * @param maxPoints only leads scoring below this, or null
     * @param search    a piece of the name, company or email, or null
     * @param since     only leads that came in at or after this, or null
     */
    static List<Lead> page(PluginContext ctx, Integer minPoints, Integer maxPoints, String search, Instant since,
                           int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from scoring_lead where true");
        List<Object> params = new ArrayList<>();
        if (since != null) {
            sql.append(" and created_at >= ?");
            params.add(OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
        }
        if (minPoints != null) {
            sql.append(" and points >= ?");
            params.add(minPoints);
        }
        if (maxPoints != null) {
            sql.append(" and points < ?");
            params.add(maxPoints);
        }
        if (search != null && !search.isBlank()) {
            sql.append(" and (name ilike ? or company ilike ? or email ilike ?)");
            String like = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        sql.append(" order by points desc nulls last, created_at desc, id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return ctx.data().query(sql.toString(), params.toArray()).stream().map(Leads::lead).toList();
    }

    static Optional<Lead> find(PluginContext ctx, String source, String externalId) {
        return ctx.data().query("select " + COLUMNS + " from scoring_lead where source = ? and external_id = ?",
                source, externalId).stream().findFirst().map(Leads::lead);
    }

    static long count(PluginContext ctx) {
        return ((Number) ctx.data().query("select count(*) as n from scoring_lead").get(0).get("n")).longValue();
    }

    /** Leads after {@code after} (null: from the first) in PostgreSQL's uuid order, for paging through them all. */
    static List<Lead> after(PluginContext ctx, UUID after, int limit) {
        return ctx.data().query("select " + COLUMNS + " from scoring_lead where id > ? order by id limit ?",
                after == null ? new UUID(0, 0) : after, limit).stream().map(Leads::lead)
                .toList();
    }

    /** Leads created in [from, to): the training window. */
    static List<Lead> createdBetween(PluginContext ctx, Instant from, Instant to) {
        return ctx.data().query("select " + COLUMNS + " from scoring_lead where created_at >= ? and created_at < ?"
                + " order by id", OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC),
                OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC)).stream().map(Leads::lead).toList();
    }

    static List<Change> changes(PluginContext ctx, UUID lead, int limit) {
        return ctx.data().query("select at, from_points, to_points, model, reasons from scoring_change"
                + " where lead_id = ? order by at desc limit ?", lead, limit).stream()
                .map(r -> new Change(instant(r.get("at")), (Integer) r.get("from_points"),
                        (Integer) r.get("to_points"), (String) r.get("model"),
                        LeadJson.reasons((String) r.get("reasons")))).toList();
    }

    /** The score bands' counts and conversion (converted at all) for performance analytics. */
    static List<Map<String, Object>> bands(PluginContext ctx) {
        return ctx.data().query("""
                select least(points / 10, 9) * 10 as band, count(*) as leads, count(converted_at) as converted
                from scoring_lead where points is not null group by 1 order by 1""");
    }

    private static Lead lead(Map<String, Object> r) {
        UUID id = (UUID) r.get("id");
        Instant created = instant(r.get("created_at"));
        return new Lead(id, (String) r.get("source"), (String) r.get("external_id"), (String) r.get("email"),
                (String) r.get("name"), (String) r.get("company"), LeadJson.read(id.toString(), created,
                (String) r.get("facts")), created, instant(r.get("converted_at")), (Integer) r.get("points"),
                r.get("probability") == null ? null : ((Number) r.get("probability")).doubleValue(),
                (String) r.get("model"), LeadJson.reasons((String) r.get("reasons")), instant(r.get("scored_at")),
                (Integer) r.get("quality"), words((String) r.get("quality_issues")), (String) r.get("phone"));
    }

    private static String issues(Quality.Report report) {
        JsonArray a = Json.createArray();
        for (Quality.Issue i : report.issues()) {
            JsonObject o = Json.createObject();
            o.put("code", i.code());
            o.put("words", i.words());
            a.set(a.length(), o);
        }
        return a.toJson();
    }

    private static List<String> words(String issues) {
        List<String> out = new ArrayList<>();
        if (issues != null) {
            JsonArray a = Json.instance().parse(issues);
            for (int i = 0; i < a.length(); i++) {
                out.add(a.getObject(i).getString("words"));
            }
        }
        return out;
    }

    /**
     * Leads that look like the same person as this one, at most {@code limit}: candidates share an address, a phone,
     * a name at a company, or the company; {@link Duplicates} decides, so "Anna-Maria Müller" at "Helix GmbH" finds
     * "Anna Maria Mueller" at "Helix".
     */
    static List<Duplicate> duplicates(PluginContext ctx, UUID lead, int limit) {
        List<Map<String, Object>> rows = ctx.data().query("""
                select o.id, o.source, o.name, o.email, o.company, o.phone, o.facts, o.created_at,
                       l.name as l_name, l.email as l_email, l.company as l_company, l.phone as l_phone,
                       l.facts as l_facts, l.created_at as l_created
                from scoring_lead l join scoring_lead o on o.id <> l.id
                  and (o.email_key = l.email_key or o.person_key = l.person_key or o.phone_key = l.phone_key
                       or o.company_key = l.company_key)
                where l.id = ? order by o.created_at limit 200""", lead);
        List<Duplicate> found = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Duplicates.Person self = person(lead, (String) r.get("l_name"), (String) r.get("l_company"),
                    (String) r.get("l_phone"), (String) r.get("l_facts"), instant(r.get("l_created")));
            Duplicates.Person other = person((UUID) r.get("id"), (String) r.get("name"), (String) r.get("company"),
                    (String) r.get("phone"), (String) r.get("facts"), instant(r.get("created_at")));
            Optional<Duplicates.Match> match = Duplicates.match(self, other);
            if (match.isPresent()) {
                found.add(new Duplicate((UUID) r.get("id"), (String) r.get("source"), (String) r.get("name"),
                        (String) r.get("email"), match.get().basis() == Duplicates.Basis.EMAIL,
                        match.get().reason()));
            }
            if (found.size() == limit) {
                break;
            }
        }
        return found;
    }

    private static Duplicates.Person person(UUID id, String name, String company, String phone, String facts,
                                            Instant created) {
        return Duplicates.Person.of(LeadJson.read(id.toString(), created, facts), name, company, phone);
    }

    /**
     * Data quality by source: leads, average quality, poor ones, each kind of issue, and duplicates (leads that
     * share an address, a phone, or a name at a company, with another lead; the fuzzy matcher runs on a lead's page).
     *
     * @param since only leads that came in at or after this
     */
    static List<Map<String, Object>> qualityBySource(PluginContext ctx, Instant since) {
        return ctx.data().query("""
                select l.source, count(*) as leads, round(avg(l.quality)) as quality,
                       count(*) filter (where l.quality < ?) as poor,
                       count(*) filter (where l.quality_codes like '% email-invalid %'
                                          or l.quality_codes like '% email-missing %') as invalid_email,
                       count(*) filter (where l.quality_codes like '% email-disposable %') as disposable,
                       count(*) filter (where l.quality_codes like '% email-shared %') as shared_inbox,
                       count(*) filter (where l.quality_codes like '% name-missing %'
                                          or l.quality_codes like '% company-missing %') as missing_fields,
                       count(*) filter (where l.quality_codes like '% phone-invalid %') as invalid_phone,
                       count(*) filter (where exists (select 1 from scoring_lead o where o.tenant_id = l.tenant_id
                                          and o.id <> l.id and (o.email_key = l.email_key
                                          or o.person_key = l.person_key or o.phone_key = l.phone_key)))
                         as duplicates
                from scoring_lead l where l.created_at >= ? group by l.source order by l.source""", Quality.POOR,
                OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
    }

    static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }

    private static void putText(JsonObject o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
