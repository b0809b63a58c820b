package io.catalyst.sdk.testkit;

import io.catalyst.api.host.PluginData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A recording stub for {@link PluginData}: there is no database behind it. Every statement is recorded with its
 * parameters; a query answers the rows stubbed with {@link #whenQuery} for the first pattern its SQL contains, and an
 * update answers the count stubbed with {@link #whenUpdate}. Unstubbed queries answer no rows and unstubbed updates 0.
 *
 * <p>So test the plugin's logic around its SQL here, and its SQL itself against a real PostgreSQL.
 *
 * <pre>
 * kit.context().fakeData().whenQuery("from greeting", List.of(Map.of("text", "Hi")));
 * ...
 * assertThat(kit.context().fakeData().statements()).extracting(Statement::sql).anyMatch(s -&gt; s.startsWith("insert"));
 * </pre>
 */
public final class FakePluginData implements PluginData {

    /** One statement the plugin ran. */
    public record Statement(String sql, List<Object> params) {
    }

    private record Stub<T>(String sqlPart, T answer) {
    }

    private final List<Statement> statements = new CopyOnWriteArrayList<>();
    private final List<Stub<List<Map<String, Object>>>> queries = new CopyOnWriteArrayList<>();
    private final List<Stub<Integer>> updates = new CopyOnWriteArrayList<>();

    FakePluginData() {
    }

    /** Queries whose SQL contains {@code sqlPart} (ignoring case) answer these rows; the latest stub wins. */
    public FakePluginData whenQuery(String sqlPart, List<Map<String, Object>> rows) {
        queries.add(0, new Stub<>(sqlPart.toLowerCase(), List.copyOf(rows)));
        return this;
    }

    /** Updates whose SQL contains {@code sqlPart} (ignoring case) answer this row count; the latest stub wins. */
    public FakePluginData whenUpdate(String sqlPart, int rowCount) {
        updates.add(0, new Stub<>(sqlPart.toLowerCase(), rowCount));
        return this;
    }

    /** Every statement run so far, oldest first. */
    public List<Statement> statements() {
        return List.copyOf(statements);
    }

    @Override
    public List<Map<String, Object>> query(String sql, Object... params) {
        record(sql, params);
        return answer(queries, sql, List.of());
    }

    @Override
    public int update(String sql, Object... params) {
        record(sql, params);
        return answer(updates, sql, 0);
    }

    private void record(String sql, Object... params) {
        // Arrays.asList keeps null parameters, which List.of would reject
        statements.add(new Statement(sql, params == null ? List.of() : new ArrayList<>(Arrays.asList(params))));
    }

    private static <T> T answer(List<Stub<T>> stubs, String sql, T otherwise) {
        String lower = sql.toLowerCase();
        return stubs.stream().filter(s -> lower.contains(s.sqlPart())).map(Stub::answer).findFirst().orElse(otherwise);
    }
}
