/**
 * The task contract: how any plugin asks for work by people without knowing who keeps the tasks. A plugin
 * publishes a {@link io.catalyst.api.tasks.TaskRequest} as the event {@value io.catalyst.api.tasks.TaskRequest#TOPIC};
 * the tasks plugin, where a tenant enabled it, keeps one task per requesting plugin and dedupe key. Since API 0.5.0.
 */
package io.catalyst.api.tasks;
