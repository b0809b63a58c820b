package io.catalyst.plugins.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.Chart;
import io.catalyst.api.ui.kit.KpiTile;
import io.catalyst.sdk.testkit.FakePluginContext;
import io.catalyst.sdk.testkit.PluginTestKit;
import io.catalyst.sdk.testkit.PluginTestKitExtension;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The screens, built with the testkit's context. */
@ExtendWith(PluginTestKitExtension.class)
class TaskScreensTest {

    private static final UUID TASK = UUID.fromString("11111111-1111-1111-1111-111111111111");

    private static Stream<Component> tree(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(TaskScreensTest::tree));
    }

    private static <T> List<T> find(Component root, Class<T> type) {
        return tree(root).filter(type::isInstance).map(type::cast).toList();
    }

    private static Map<String, Object> row(String status) {
        Map<String, Object> r = new LinkedHashMap<>();
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30);
        r.put("id", TASK);
        r.put("title", "Refresh the winter creatives");
        r.put("status", status);
        r.put("priority", "URGENT");
        r.put("client_visible", false);
        r.put("link", "plugins/dashboards/campaigns");
        r.put("subject_kind", "campaign");
        r.put("subject_id", "c-42");
        r.put("subject_label", "Winter sale");
        r.put("subject_snapshot", "{\"cpa\":41.5}");
        r.put("source_plugin", "alerts");
        r.put("dedupe_key", "k");
        r.put("created_by_name", "plugin alerts");
        r.put("created_at", created);
        r.put("updated_at", created);
        return r;
    }

    @Test
    void offersTheListTheTaskPageAndAnalyticsToReaders(PluginTestKit kit) {
        assertThat(kit.screens()).extracting(UiScreen::route).containsExactlyInAnyOrder("tasks", "task", "analytics");
        assertThat(kit.screens()).allSatisfy(s -> assertThat(s.requiredPermission()).isEqualTo("tasks:read"));
        kit.context().fakeData().whenQuery("order by t.status in", List.of(row("OPEN")));
        kit.context().fakeData().whenQuery("select count(*)", List.of(Map.of("n", 1L)));
        assertThat(PluginTestKit.textOf(kit.render("tasks"))).contains("1 task");
        // opened from the side navigation, without an id
        assertThat(PluginTestKit.textOf(kit.render("task"))).contains("No task chosen");
        kit.context().revoke("tasks:read");
        assertThatThrownBy(() -> kit.render("tasks")).isInstanceOf(SecurityException.class);
    }

    @Test
    void theBoardHasAColumnPerStatusAndCardsMoveByMenu(PluginTestKit kit) {
        FakePluginContext ctx = kit.context();
        ctx.fakeData().whenQuery("order by t.status in", List.of(row("OPEN")));
        ctx.fakeData().whenQuery("select count(*)", List.of(Map.of("n", 1L)));
        ctx.fakeData().whenQuery("where t.id = ?", List.of(row("OPEN")));
        TaskListScreen.TaskListView view = (TaskListScreen.TaskListView) new TaskListScreen().create(ctx);
        assertThat(view.grid.getColumns()).hasSize(4);
        view.board.setValue(true);
        assertThat(view.boardView.getChildren().map(c -> c.getElement().getAttribute("data-status")))
                .containsExactly("OPEN", "IN_PROGRESS", "IN_REVIEW", "DONE", "CANCELLED");
        @SuppressWarnings("unchecked")
        Select<TaskStatus> moveTo = find(view.boardView, Select.class).get(0);
        assertThat(moveTo.getListDataView().getItems()).containsExactly(TaskStatus.IN_PROGRESS, TaskStatus.DONE,
                TaskStatus.CANCELLED);
        view.move(TASK, TaskStatus.IN_PROGRESS);
        assertThat(ctx.fakeData().statements()).anySatisfy(s -> assertThat(s.params()).contains("IN_PROGRESS"));
        // the board asks for every status; the list keeps closed tasks out by default
        assertThat(view.query().statuses()).isEmpty();
        view.board.setValue(false);
        assertThat(view.query().statuses()).containsExactlyInAnyOrder(TaskStatus.OPEN, TaskStatus.IN_PROGRESS,
                TaskStatus.IN_REVIEW);
    }

    @Test
    void theTaskPageShowsWhatItIsAboutAndItsSla(PluginTestKit kit) {
        FakePluginContext ctx = kit.context();
        ctx.fakeData().whenQuery("where t.id = ?", List.of(row("OPEN")));
        TaskScreen.TaskView view = new TaskScreen.TaskView(ctx);
        view.show(TASK.toString());
        String text = PluginTestKit.textOf(view);
        assertThat(text).contains("Refresh the winter creatives", "campaign: Winter sale", "cpa: 41.5",
                "Requested by the alerts plugin", "SLA: first response ", "Internal"); // the minutes left depend on the hour
        assertThat(find(view, Button.class)).extracting(Button::getText)
                .contains("Move to in progress", "Move to done", "Move to cancelled", "Save changes");

        ctx.revoke("tasks:write");
        TaskScreen.TaskView readOnly = new TaskScreen.TaskView(ctx);
        readOnly.show(TASK.toString());
        assertThat(find(readOnly, Button.class)).isEmpty();
        assertThat(find(readOnly, HasValue.class)).allSatisfy(f -> assertThat(f.isReadOnly()).isTrue());

        TaskScreen.TaskView missing = new TaskScreen.TaskView(ctx);
        missing.show("../../etc");
        assertThat(PluginTestKit.textOf(missing)).contains("No such task");
    }

    @Test
    void analyticsShowTilesAChartAndPeople(PluginTestKit kit) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("status", "DONE");
        done.put("assignee_id", FakePluginContext.USER.id());
        done.put("created_at", now.minusHours(10));
        done.put("closed_at", now.minusHours(4));
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("status", "OPEN");
        open.put("created_at", now.minusHours(2));
        kit.context().fakeData().whenQuery("select status, assignee_id", List.of(done, open));
        TaskAnalyticsScreen.AnalyticsView view = (TaskAnalyticsScreen.AnalyticsView) new TaskAnalyticsScreen()
                .create(kit.context());
        assertThat(find(view, KpiTile.class)).extracting(KpiTile::getValueText)
                .containsExactly("1", "1", "6", "6", "0.0%");
        Chart chart = find(view, Chart.class).get(0);
        assertThat(chart.getOption().getArray("series").getObject(0).getString("name")).isEqualTo("Created");
        assertThat(PluginTestKit.textOf(kit.render("analytics"))).contains("Task analytics");
    }
}
