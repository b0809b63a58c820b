package io.catalyst.sdk.testkit;

import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.metrics.Dimension;
import io.catalyst.api.metrics.Filter;
import io.catalyst.api.metrics.MetricDefinition;
import io.catalyst.api.metrics.MetricsException;
import io.catalyst.api.metrics.Metrics;
import io.catalyst.api.metrics.MetricsQuery;
import io.catalyst.api.metrics.MetricsResult;
import io.catalyst.api.metrics.Period;
import io.catalyst.api.metrics.RecordPage;
import io.catalyst.api.metrics.RecordQuery;
import io.catalyst.metrics.Formula;
import io.catalyst.metrics.MetricCatalogue;
import io.catalyst.metrics.MetricsCalculator;
import io.catalyst.metrics.Sums;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * An in-memory warehouse behind {@link Metrics}: add insights and entities (by hand, or from the demo-data
 * generator), then let the plugin query them. Figures are grouped as the server groups them (the finest level the
 * query needs, entity keys {@code <source>:<id>}) and finished by the server's own {@link MetricsCalculator}, so
 * derived metrics, totals and compare periods come out as they would in production. Money is not converted: figures
 * in several currencies come per currency. Records ({@link #records}) are served in the order they were added.
 */
public final class FakeMetrics implements Metrics {

    private static final List<String> LEVELS = List.of("account", "campaign", "ad_set", "ad");

    private record Stored(String source, Insight insight) {
    }

    /** What the fake warehouse holds; shared by the user's and the background view. */
    private static final class Store {
        final List<Stored> insights = new CopyOnWriteArrayList<>();
        final Map<String, Entity> entities = new ConcurrentHashMap<>();
        final Map<RecordQuery.Kind, List<RecordPage.WarehouseRecord>> records = new ConcurrentHashMap<>();
        final Map<String, Formula> custom = new ConcurrentHashMap<>();
        final Map<java.util.UUID, io.catalyst.api.metrics.SourceStatus> sources = new ConcurrentHashMap<>();
        final List<MetricDefinition> customDefinitions = new CopyOnWriteArrayList<>();
        volatile LocalDate today = LocalDate.now();
    }

    private final Store store;
    private final List<Stored> insights;
    private final Map<String, Entity> entities;
    private final Map<RecordQuery.Kind, List<RecordPage.WarehouseRecord>> records;
    private final Map<String, Formula> custom;
    private final List<MetricDefinition> customDefinitions;
    private final Supplier<Boolean> permitted;
    private final String currency;

    FakeMetrics(String currency, Supplier<Boolean> permitted) {
        this(new Store(), currency, permitted);
    }

    private FakeMetrics(Store store, String currency, Supplier<Boolean> permitted) {
        this.store = store;
        this.insights = store.insights;
        this.entities = store.entities;
        this.records = store.records;
        this.custom = store.custom;
        this.customDefinitions = store.customDefinitions;
        this.currency = currency;
        this.permitted = permitted;
    }

    /** The same data, read as background work does (jobs and listeners may always read). */
    FakeMetrics background() {
        return new FakeMetrics(store, currency, () -> true);
    }

    /** Adds a day of an entity's performance from {@code source} (e.g. {@code meta-ads}). */
    public FakeMetrics add(String source, Insight insight) {
        insights.add(new Stored(source, insight));
        return this;
    }

    /** Adds an account, campaign, ad set, ad or creative, for labels and the drill-down from ads upwards. */
    public FakeMetrics add(String source, Entity entity) {
        entities.put(key(source, entity.level(), entity.id()), entity);
        return this;
    }

    /** Adds a record for {@link #records}; its fields as {@link RecordQuery.Kind} lists them. */
    public FakeMetrics add(RecordQuery.Kind kind, String source, String id, Map<String, Object> fields) {
        records.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>())
                .add(new RecordPage.WarehouseRecord(source, id, Instant.now(), fields));
        return this;
    }

    /** Defines a custom metric, as a tenant would: a formula over the platform's metrics. */
    public FakeMetrics custom(String name, String label, String formula, MetricDefinition.Format format) {
        custom.put(name, Formula.parse(formula, MetricCatalogue::isPlatform));
        customDefinitions.add(new MetricDefinition(name, label, "Custom: " + formula, MetricDefinition.Kind.CUSTOM,
                format, formula, true));
        return this;
    }

    /** Adds or replaces a data connection for {@link #sources()}, e.g. one that last loaded two days ago. */
    public FakeMetrics source(io.catalyst.api.metrics.SourceStatus source) {
        store.sources.put(source.connectionId(), source);
        return this;
    }

    /** Sets what {@link #today()} answers (relative periods end there). */
    public FakeMetrics today(LocalDate day) {
        store.today = day;
        return this;
    }

    /** Forgets everything added. */
    public void clear() {
        insights.clear();
        entities.clear();
        records.clear();
        custom.clear();
        customDefinitions.clear();
        store.sources.clear();
    }

    @Override
    public List<io.catalyst.api.metrics.SourceStatus> sources() {
        check();
        return store.sources.values().stream()
                .sorted(java.util.Comparator.comparing(io.catalyst.api.metrics.SourceStatus::name)).toList();
    }

    @Override
    public List<MetricDefinition> catalogue() {
        check();
        List<MetricDefinition> all = new ArrayList<>(MetricCatalogue.platform());
        all.addAll(customDefinitions);
        return all;
    }

    @Override
    public LocalDate today() {
        return store.today;
    }

    @Override
    public MetricsResult query(MetricsQuery query) {
        MetricsCalculator calculator = new MetricsCalculator(catalogue(), custom, currency);
        calculator.check(query);
        Period compare = query.effectiveComparePeriod();
        List<Sums> now = sums(query, query.period());
        List<Sums> then = compare == null ? List.of() : sums(query, compare);
        boolean oneCurrency = insights.stream().allMatch(s -> s.insight().currency().equals(currency));
        return calculator.answer(query, now, then, oneCurrency, oneCurrency ? List.of()
                : List.of("The testkit does not convert currencies: figures come per currency."));
    }

    @Override
    public RecordPage records(RecordQuery query) {
        check();
        List<RecordPage.WarehouseRecord> all = records.getOrDefault(query.kind(), List.of()).stream()
                .filter(r -> query.source() == null || query.source().equals(r.source())).toList();
        int start;
        try {
            start = query.since() == null ? 0 : Integer.parseInt(query.since());
        } catch (NumberFormatException e) {
            throw new MetricsException("the cursor is not one this API gave out; start without one");
        }
        int end = Math.min(all.size(), start + query.limit());
        return new RecordPage(all.subList(Math.min(start, end), end), Integer.toString(end), end < all.size());
    }

    private void check() {
        if (!permitted.get()) {
            throw new SecurityException("reading the company's figures needs dashboards:read");
        }
    }

    private List<Sums> sums(MetricsQuery query, Period period) {
        check();
        int level = level(query);
        Map<List<String>, Map<String, BigDecimal>> groups = new TreeMap<>(
                (a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        Map<List<String>, List<String>> labels = new LinkedHashMap<>();
        for (Stored s : insights) {
            Insight i = s.insight();
            if (!i.level().equals(LEVELS.get(level)) || i.day().isBefore(period.from())
                    || i.day().isAfter(period.to())) {
                continue;
            }
            Path path = path(s.source(), level, i);
            if (!query.filters().stream().allMatch(f -> matches(f, path, query))) {
                continue;
            }
            List<String> key = new ArrayList<>();
            List<String> label = new ArrayList<>();
            for (Dimension d : query.dimensions()) {
                key.add(path.key(d, query, i.day()));
                label.add(path.label(d, query, i.day()));
            }
            key.add(i.currency());
            labels.putIfAbsent(key, label);
            Map<String, BigDecimal> sums = groups.computeIfAbsent(key, k -> Sums.zeros());
            sums.merge("spend", nz(i.spend()), BigDecimal::add);
            sums.merge("impressions", BigDecimal.valueOf(i.impressions()), BigDecimal::add);
            sums.merge("clicks", BigDecimal.valueOf(i.clicks()), BigDecimal::add);
            sums.merge("conversions", nz(i.conversions()), BigDecimal::add);
            sums.merge("revenue", nz(i.conversionValue()), BigDecimal::add);
            sums.merge("leads", BigDecimal.valueOf(i.leads()), BigDecimal::add);
        }
        List<Sums> out = new ArrayList<>();
        groups.forEach((key, bases) -> out.add(new Sums(key.subList(0, key.size() - 1), labels.get(key),
                key.get(key.size() - 1), bases, 0)));
        return out;
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static int level(MetricsQuery query) {
        int level = 0;
        List<Dimension> used = new ArrayList<>(query.dimensions());
        query.filters().forEach(f -> used.add(f.dimension()));
        for (Dimension d : used) {
            level = Math.max(level, switch (d) {
                case CAMPAIGN, STATUS -> 1;
                case AD_SET -> 2;
                case AD, CREATIVE -> 3;
                default -> 0;
            });
        }
        return level;
    }

    /** The entities above one insight row, as far as they are known. */
    private final class Path {
        final String source;
        final Insight insight;
        final Entity account;
        final Entity campaign;
        final Entity adSet;
        final Entity ad;
        final int level;

        Path(String source, int level, Insight i, Entity campaign, Entity adSet, Entity ad) {
            this.source = source;
            this.insight = i;
            this.level = level;
            this.account = entities.get(FakeMetrics.key(source, "account", i.accountId()));
            this.campaign = campaign;
            this.adSet = adSet;
            this.ad = ad;
        }

        String key(Dimension d, MetricsQuery query, LocalDate day) {
            return switch (d) {
                case DATE -> Period.bucket(day, query.grain()).toString();
                case CHANNEL -> account != null && account.attributes().containsKey("channel")
                        ? account.attributes().get("channel") : source;
                case ACCOUNT -> source + ":" + insight.accountId();
                case CAMPAIGN -> source + ":" + id(campaign, level == 1 ? insight.entityId()
                        : adSet == null ? null : adSet.parentId());
                case AD_SET -> source + ":" + id(adSet, level == 2 ? insight.entityId()
                        : ad == null ? null : ad.parentId());
                case AD -> source + ":" + insight.entityId();
                case CREATIVE -> source + ":" + (ad == null ? "" : ad.attributes().getOrDefault("creative_id", ""));
                case STATUS -> {
                    Entity e = level == 3 ? ad : level == 2 ? adSet : campaign;
                    yield e == null || e.status() == null ? "UNKNOWN" : e.status().toUpperCase(Locale.ROOT);
                }
            };
        }

        String label(Dimension d, MetricsQuery query, LocalDate day) {
            Entity e = switch (d) {
                case ACCOUNT -> account;
                case CAMPAIGN -> campaign;
                case AD_SET -> adSet;
                case AD -> ad;
                case CREATIVE -> ad == null ? null : entities.get(FakeMetrics.key(source, "creative",
                        ad.attributes().get("creative_id")));
                default -> null;
            };
            String k = key(d, query, day);
            return e != null && e.name() != null ? e.name() : d == Dimension.DATE || d == Dimension.CHANNEL
                    || d == Dimension.STATUS ? k : k.substring(k.indexOf(':') + 1);
        }

        private String id(Entity e, String fallback) {
            return e != null ? e.id() : fallback;
        }
    }

    private Path path(String source, int level, Insight i) {
        Entity ad = level == 3 ? entities.get(key(source, "ad", i.entityId())) : null;
        Entity adSet = level == 2 ? entities.get(key(source, "ad_set", i.entityId()))
                : ad == null ? null : entities.get(key(source, "ad_set", ad.parentId()));
        Entity campaign = level == 1 ? entities.get(key(source, "campaign", i.entityId()))
                : adSet == null ? null : entities.get(key(source, "campaign", adSet.parentId()));
        return new Path(source, level, i, campaign, adSet, ad);
    }

    private static boolean matches(Filter f, Path path, MetricsQuery query) {
        String key = path.key(f.dimension(), query, path.insight.day());
        return switch (f.op()) {
            case EQUALS, IN -> f.values().stream().anyMatch(v -> v.equalsIgnoreCase(key)
                    && (f.dimension() == Dimension.STATUS || v.equals(key)));
            case NOT_IN -> f.values().stream().noneMatch(v -> f.dimension() == Dimension.STATUS
                    ? v.equalsIgnoreCase(key) : v.equals(key));
            case CONTAINS -> path.label(f.dimension(), query, path.insight.day()).toLowerCase(Locale.ROOT)
                    .contains(f.values().get(0).toLowerCase(Locale.ROOT));
        };
    }

    private static String key(String source, String level, String id) {
        return source + "/" + level + "/" + id;
    }
}
