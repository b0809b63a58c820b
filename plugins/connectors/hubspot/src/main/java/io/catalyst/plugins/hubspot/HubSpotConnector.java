package io.catalyst.plugins.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.connect.WriteRecord;
import io.catalyst.api.connect.WriteResult;
import io.catalyst.api.connect.WriteSpec;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * HubSpot CRM: the portal a token reaches, and its contacts and deals.
 *
 * <p>Both streams are read through the CRM search API, filtered on the modification time at or after the cursor and
 * sorted ascending by it. The cursor is that modification time as an ISO 8601 instant (e.g.
 * {@code 2024-03-01T10:15:30.123Z}); a first run starts from the epoch.
 */
@Extension
public final class HubSpotConnector implements Connector {

    static final URI BASE_URL = URI.create("https://api.hubapi.com");
    /** The largest page the search API serves. */
    static final int PAGE_SIZE = 100;
    /** The search API serves at most this many results per query; paging past it answers 400. */
    static final int SEARCH_RESULT_CAP = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private final int pageSize;
    private final int resultCap;

    public HubSpotConnector() {
        this(PAGE_SIZE, SEARCH_RESULT_CAP);
    }

    /** With a smaller page and cap, so a test can reach the cap with a few records. */
    HubSpotConnector(int pageSize, int resultCap) {
        this.pageSize = pageSize;
        this.resultCap = resultCap;
    }

    @Override
    public String id() {
        return "hubspot";
    }

    @Override
    public String displayName() {
        return "HubSpot CRM";
    }

    @Override
    public String category() {
        return "crm";
    }

    @Override
    public AuthSpec auth() {
        return AuthSpec.oauth2(URI.create("https://app.hubspot.com/oauth/authorize"),
                URI.create("https://api.hubapi.com/oauth/v1/token"),
                List.of("crm.objects.contacts.read", "crm.objects.deals.read", "crm.objects.contacts.write",
                        "crm.schemas.contacts.write"));
    }

    @Override
    public URI baseUrl() {
        return BASE_URL;
    }

    @Override
    public List<StreamSpec> streams() {
        return List.of(new StreamSpec(CrmObject.CONTACTS.stream, StreamSpec.Sync.CURSOR),
                new StreamSpec(CrmObject.DEALS.stream, StreamSpec.Sync.CURSOR));
    }

    /**
     * HubSpot's rate limits and refusals before the connector reads them: a 429's wait from its policy and headers
     * (a daily limit waits for midnight in the company's time zone, without another request), a 401 with HubSpot's
     * own message.
     */
    @Override
    public Optional<ProviderException> classify(HttpResult answer, ConnectorSession session) {
        if (answer.status() != 429 && answer.status() != 401) {
            return Optional.empty();
        }
        return Optional.of(HubSpotErrors.of(answer, json, session.zone()));
    }

    /** Catalyst's score properties of contacts, and nothing else (see {@link ScoreWrites}). */
    @Override
    public List<WriteSpec> writes() {
        return List.of(ScoreWrites.SPEC);
    }

    @Override
    public WriteResult write(ConnectorSession session, String object, List<WriteRecord> records) {
        if (!ScoreWrites.SPEC.object().equals(object)) {
            throw new IllegalArgumentException("HubSpot writes contacts only, not " + object);
        }
        return new ScoreWrites(json).write(session, records);
    }

    /** The one portal a HubSpot token belongs to, from {@code GET /account-info/v3/details}. */
    @Override
    public List<ProviderAccount> accounts(ConnectorSession session) {
        HttpResult result = session.send(HttpRequestSpec.get(uri(session, "/account-info/v3/details"),
                Map.of("Accept", "application/json")), null);
        JsonNode details = body(result);
        String portalId = details.path("portalId").asText("");
        if (portalId.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED,
                    "HubSpot's account details have no portalId", null);
        }
        return List.of(new ProviderAccount(portalId, "HubSpot portal " + portalId,
                textOrNull(details, "companyCurrency"), textOrNull(details, "timeZone")));
    }

    @Override
    public void read(ConnectorSession session, StreamRead read, RecordSink sink) {
        CrmObject object = CrmObject.of(read.stream());
        Instant since = read.cursor().map(HubSpotConnector::parseCursor).orElse(Instant.EPOCH);
        Instant highest = since;
        String after = null;
        int readInQuery = 0;
        while (true) {
            JsonNode page = search(session, object, since, after);
            JsonNode results = page.path("results");
            for (JsonNode record : results) {
                Instant modified = load(object, record, sink);
                if (modified != null && modified.isAfter(highest)) {
                    highest = modified;
                }
            }
            readInQuery += results.size();
            sink.checkpoint(highest.toString());

            String next = page.path("paging").path("next").path("after").asText("");
            if (next.isEmpty()) {
                return;
            }
            if (readInQuery + pageSize > resultCap) {
                // The search API stops at 10,000 results per query (paging further answers 400). Results are sorted
                // by modification time, so start a new query from the last time seen: records at that very time
                // are read again, which is harmless as the warehouse upserts.
                if (!highest.isAfter(since)) {
                    throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED, "More than " + resultCap
                            + " HubSpot " + object.stream + " were modified at " + since
                            + "; the search API cannot page past them", null);
                }
                since = highest;
                after = null;
                readInQuery = 0;
            } else {
                after = next;
            }
        }
    }

    /** Hands one record to the sink, or quarantines it; returns its modification time when it was loaded. */
    private Instant load(CrmObject object, JsonNode record, RecordSink sink) {
        try {
            OffsetDateTime modified = CrmRecords.modifiedAt(record, object);
            if (object == CrmObject.CONTACTS) {
                sink.contact(CrmRecords.contact(record));
            } else {
                sink.deal(CrmRecords.deal(record));
            }
            return modified.toInstant();
        } catch (CrmRecords.Unmappable e) {
            sink.quarantine(record.toString(), e.getMessage());
            return null;
        }
    }

    private JsonNode search(ConnectorSession session, CrmObject object, Instant since, String after) {
        ObjectNode request = json.createObjectNode();
        ObjectNode filter = request.putArray("filterGroups").addObject().putArray("filters").addObject();
        filter.put("propertyName", object.modifiedProperty);
        filter.put("operator", "GTE");
        // Datetime filters take epoch milliseconds
        filter.put("value", String.valueOf(since.toEpochMilli()));
        ObjectNode sort = request.putArray("sorts").addObject();
        sort.put("propertyName", object.modifiedProperty);
        sort.put("direction", "ASCENDING");
        ArrayNode properties = request.putArray("properties");
        object.properties.forEach(properties::add);
        request.put("limit", pageSize);
        if (after != null) {
            request.put("after", after);
        }
        HttpResult result = session.send(HttpRequestSpec.post(uri(session, object.searchPath()), "application/json",
                text(request)), null);
        return body(result);
    }

    private JsonNode body(HttpResult result) {
        if (!result.isSuccess()) {
            throw HubSpotErrors.of(result, json);
        }
        try {
            return json.readTree(result.body());
        } catch (JsonProcessingException e) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED,
                    "HubSpot answered something that is not JSON", null);
        }
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path of HubSpot's API on the connection's root (HubSpot's own, or its local stand-in). */
    static URI uri(ConnectorSession session, String path) {
        return URI.create(session.baseUrl().toString().replaceAll("/+$", "") + path);
    }

    private static Instant parseCursor(String cursor) {
        try {
            return Instant.parse(cursor);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a HubSpot cursor (an ISO 8601 instant): " + cursor, e);
        }
    }

    private static String textOrNull(JsonNode node, String name) {
        String value = node.path(name).asText("");
        return value.isEmpty() ? null : value;
    }
}
