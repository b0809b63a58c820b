package io.catalyst.plugins.tasks;

import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.events.PlatformEvent;
import io.catalyst.api.events.PlatformEventListener;
import io.catalyst.api.tasks.TaskRequest;
import java.util.Set;
import java.util.logging.Level;
import org.pf4j.Extension;

/**
 * The task contract: other plugins publish {@value TaskRequest#TOPIC}, and this makes or updates one task per source
 * plugin and dedupe key. A malformed request is the requester's bug, not ours: it is logged and dropped.
 */
@Extension
public class TaskRequests implements PlatformEventListener {

    @Override
    public Set<String> topics() {
        return Set.of(TaskRequest.TOPIC);
    }

    @Override
    public void on(PlatformEvent event, PluginContext ctx) {
        Object source = event.payload().get(TaskRequest.SOURCE);
        TaskRequest request;
        try {
            if (!(source instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException(TaskRequest.SOURCE + " is missing");
            }
            request = TaskRequest.fromPayload(event.payload());
        } catch (IllegalArgumentException e) {
            ctx.log().warning(() -> "Dropped a task request from " + source + " in " + ctx.tenant().slug() + ": "
                    + e.getMessage());
            return;
        }
        try {
            Task task = Tasks.request(ctx, request, (String) source);
            ctx.log().fine(() -> "Task " + task.id() + " for " + source + "/" + request.dedupeKey());
        } catch (PluginProblem e) {
            ctx.log().log(Level.WARNING, "Dropped a task request from " + source + " ("
                    + request.dedupeKey() + "): " + e.getMessage());
        }
    }
}
