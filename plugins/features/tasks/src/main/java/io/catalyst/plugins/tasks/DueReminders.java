package io.catalyst.plugins.tasks;

import io.catalyst.api.PluginContext;
import io.catalyst.api.host.Notification;
import io.catalyst.api.jobs.JobSchedule;
import io.catalyst.api.jobs.PluginJob;
import java.time.LocalDate;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Every morning, tells assignees of their tasks due today or overdue: once per task and day, even if the job runs
 * twice, because the day's reminder is claimed in the database first.
 */
@Extension
public class DueReminders implements PluginJob {

    // a run is a call with a time limit: a company with more due tasks gets the rest tomorrow, most overdue first
    static final int PER_RUN = 200;

    @Override
    public String name() {
        return "due-reminders";
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.cron("0 8 * * *"); // in each company's time zone
    }

    @Override
    public void run(PluginContext ctx) {
        LocalDate today = Tasks.today(ctx);
        for (Task t : TaskStore.dueBy(ctx, today, PER_RUN)) {
            if (TaskStore.claimReminder(ctx, t.id(), today)) {
                boolean overdue = t.due().isBefore(today);
                ctx.notifications().notifyUsers(Set.of(t.assigneeId()), new Notification("task.due",
                        (overdue ? "Overdue: " : "Due today: ") + t.title(),
                        (overdue ? "It was due " + t.due() : "It is due today") + ". Priority "
                                + t.priority().name().toLowerCase() + ".", Task.route(t.id())));
            }
        }
    }
}
