package io.catalyst.core.manifest;

import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.core.connect.ConnectionSessions;
import io.catalyst.core.connect.ConnectorRegistry;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.plugins.PluginCatalog;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.core.plugins.TenantPlugins;
import io.catalyst.core.sync.SyncScheduler;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.runtime.PluginStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pf4j.DefaultVersionManager;

/**
 * Gives the demo companies data on a new installation, so the first {@code ./catalyst run} shows dashboards: once
 * the plugin host has loaded, the plugins in {@code catalyst.demo.plugins} are installed from the catalog and enabled
 * for each demo company, and the sandbox connector (if among them) is connected for each with all its accounts and
 * backfilled over {@code catalyst.demo.history-days}. The data comes through the real sync path, as a tenant's own
 * sandbox connection would. Production leaves {@code catalyst.demo.plugins} unset.
 */
@ApplicationScoped
public class DemoSources {

    private static final Logger LOG = Logger.getLogger(DemoSources.class.getName());
    static final String ACTOR = "system (demo)";
    static final String SANDBOX = "sandbox";

    @Inject
    PluginHost host;

    @Inject
    PluginCatalog catalog;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    ConnectorRegistry registry;

    @Inject
    Connections connections;

    @Inject
    ConnectionSessions sessions;

    @Inject
    SyncScheduler scheduler;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "catalyst.demo.plugins")
    Optional<List<String>> plugins;

    @Inject
    @ConfigProperty(name = "catalyst.demo.history-days", defaultValue = "395")
    int historyDays;

    private volatile ScheduledFuture<?> waiting;

    /** Called once the demo manifests were applied on a first start. */
    void prepare(List<Tenant> demoTenants) {
        if (plugins.isEmpty() || plugins.get().isEmpty() || demoTenants.isEmpty()) {
            return;
        }
        // the plugin host loads on its scheduler after the application started: wait for that, then run once
        waiting = executor.scheduleWithFixedDelay(() -> {
            if (!host.loaded() || waiting == null) {
                return;
            }
            waiting.cancel(false);
            waiting = null;
            try {
                provision(demoTenants);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The demo companies got no data: " + e.getMessage(), e);
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    private void provision(List<Tenant> demoTenants) {
        DefaultVersionManager versions = new DefaultVersionManager();
        for (String id : plugins.get()) {
            Optional<PluginCatalog.Release> latest = catalog.releases().stream()
                    .filter(r -> r.pluginId().equals(id) && r.compatible())
                    .max(Comparator.comparing(PluginCatalog.Release::version, versions::compareVersions));
            if (latest.isEmpty()) {
                LOG.warning(() -> "Demo plugin " + id + " is not in the catalog; build it first");
                continue;
            }
            PluginStatus status = catalog.install(null, ACTOR, id, latest.get().version());
            LOG.info(() -> "Demo plugin " + id + " " + status.version() + ": " + status.state());
        }
        for (Tenant tenant : demoTenants) {
            for (String id : plugins.get()) {
                if (host.runtime().status(id).map(s -> s.state() == PluginStatus.State.STARTED).orElse(false)) {
                    tenantPlugins.setEnabled(null, ACTOR, tenant.id(), id, true);
                }
            }
            if (plugins.get().contains(SANDBOX) && registry.find(SANDBOX).isPresent()) {
                connectSandbox(tenant);
            }
        }
    }

    private void connectSandbox(Tenant tenant) {
        Connections.View created = connections.create(tenant.id(), null, ACTOR, new Connections.Draft(SANDBOX,
                "Demo ad accounts", null, null, List.of(), null, null,
                Map.of("seed", tenant.slug(), "currency", tenant.currency())));
        List<String> accounts = sessions.providerAccounts(tenant.id(), created.id()).stream()
                .map(ProviderAccount::id).toList();
        connections.update(tenant.id(), null, ACTOR, created.id(), new Connections.Change(null, accounts, null, null,
                null, null, null));
        LocalDate today = LocalDate.now(ZoneId.of(tenant.timezone()));
        scheduler.backfill(tenant.id(), created.id(), today.minusDays(historyDays), today);
        LOG.info(() -> "Demo company " + tenant.slug() + ": sandbox connected (" + String.join(", ", accounts)
                + "), " + historyDays + " days of history queued");
    }
}
