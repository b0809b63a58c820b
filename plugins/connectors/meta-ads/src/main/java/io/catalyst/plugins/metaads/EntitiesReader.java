package io.catalyst.plugins.metaads;

import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.connect.StreamRead;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the ads hierarchy of each account: the account, its campaigns ({@code /act_<id>/campaigns}), ad sets
 * ({@code /adsets}) and ads ({@code /ads}), each with its parent's id. The hierarchy is small next to insights, so
 * every run reads it whole; the cursor only lets an interrupted run skip the accounts it finished.
 *
 * <p>Cursor: {@code <account>} after each account is done (it and those before it are skipped on resume), and
 * {@link #COMPLETE} at the end, which the next run takes as "start over".
 */
final class EntitiesReader {

    static final String COMPLETE = "complete";
    static final String ACCOUNT_FIELDS = "id,account_id,name,currency,timezone_name,account_status";
    static final String CAMPAIGN_FIELDS = "id,name,status,objective,account_id,updated_time";
    static final String ADSET_FIELDS = "id,name,status,campaign_id,account_id,updated_time";
    static final String AD_FIELDS = "id,name,status,adset_id,campaign_id,account_id,creative{id},updated_time";

    private final MetaAdsApi graph;

    EntitiesReader(ConnectorSession session) {
        this.graph = new MetaAdsApi(session);
    }

    void read(StreamRead read, RecordSink sink) {
        List<String> accounts = read.accounts().stream().map(MetaAdsConnector::accountId).toList();
        int first = read.cursor().map(accounts::indexOf).map(i -> i + 1).orElse(0);
        for (int i = first; i < accounts.size(); i++) {
            String account = accounts.get(i);
            JsonObject node = graph.get(account, MetaAdsApi.params("fields", ACCOUNT_FIELDS), account);
            sink.entity(new Entity("account", account, null, InsightRows.text(node, "name"),
                    InsightRows.text(node, "account_status"),
                    attributes("currency", InsightRows.text(node, "currency"),
                            "timezone", InsightRows.text(node, "timezone_name")), node.toString()));
            graph.forEach(account + "/campaigns", page(CAMPAIGN_FIELDS), account, row ->
                    entity("campaign", row, account, attributes("objective", InsightRows.text(row, "objective")),
                            sink));
            graph.forEach(account + "/adsets", page(ADSET_FIELDS), account, row ->
                    entity("ad_set", row, InsightRows.text(row, "campaign_id"), Map.of(), sink));
            graph.forEach(account + "/ads", page(AD_FIELDS), account, row -> {
                JsonObject creative = row.getJsonObject("creative");
                String creativeId = creative == null ? null : InsightRows.text(creative, "id");
                entity("ad", row, InsightRows.text(row, "adset_id"), attributes("creative_id", creativeId), sink);
            });
            sink.checkpoint(account);
        }
        sink.checkpoint(COMPLETE);
    }

    private static Map<String, String> page(String fields) {
        return MetaAdsApi.params("fields", fields, "limit", "200");
    }

    private static void entity(String level, JsonObject row, String parentId, Map<String, String> attributes,
                               RecordSink sink) {
        String id = InsightRows.text(row, "id");
        if (id == null) {
            sink.quarantine(row.toString(), "A " + level.replace('_', ' ') + " without an id");
            return;
        }
        if (parentId == null) {
            sink.quarantine(row.toString(), "The " + level.replace('_', ' ') + " " + id + " names no parent");
            return;
        }
        sink.entity(new Entity(level, id, parentId, InsightRows.text(row, "name"), InsightRows.text(row, "status"),
                attributes, row.toString()));
    }

    /** Name-value pairs without the null values (Entity's attributes are an immutable map). */
    private static Map<String, String> attributes(String... nameValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                map.put(nameValues[i], nameValues[i + 1]);
            }
        }
        return map;
    }
}
