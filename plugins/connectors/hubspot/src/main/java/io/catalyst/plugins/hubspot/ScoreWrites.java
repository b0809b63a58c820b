package io.catalyst.plugins.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.WriteRecord;
import io.catalyst.api.connect.WriteResult;
import io.catalyst.api.connect.WriteSpec;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.HttpResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes Catalyst's lead score to HubSpot contacts, into contact properties of Catalyst's own (never HubSpot's or the
 * company's): the batch update API, 100 contacts a request. A property that does not exist yet in the portal is
 * created in the group "Catalyst" on the first write that needs it, and the batch sent again.
 */
final class ScoreWrites {

    /** The batch update API takes at most 100 inputs. */
    static final int BATCH = 100;
    static final String UPDATE_PATH = "/crm/v3/objects/contacts/batch/update";
    static final String PROPERTIES_PATH = "/crm/v3/properties/contacts";
    static final String GROUPS_PATH = "/crm/v3/properties/contacts/groups";
    static final String GROUP = "catalyst";

    /** The properties Catalyst may set: name, label, HubSpot type and field type. */
    record Property(String name, String label, String type, String fieldType, String description) {
    }

    static final List<Property> PROPERTIES = List.of(
            new Property("catalyst_score", "Catalyst lead score", "number", "number",
                    "0 to 100: the lead's chance, in percent, of becoming an opportunity (Catalyst lead scoring)"),
            new Property("catalyst_score_band", "Catalyst score band", "string", "text",
                    "hot, warm or cold, by the company's thresholds in Catalyst"),
            new Property("catalyst_score_reason", "Catalyst score reason", "string", "text",
                    "The strongest reasons for the score, in words"));

    static final WriteSpec SPEC = new WriteSpec("contacts",
            Set.copyOf(PROPERTIES.stream().map(Property::name).toList()), BATCH,
            "Sets the Catalyst lead score properties of HubSpot contacts (created in the group \"Catalyst\" on first"
                    + " use); no other property is written");

    private final ObjectMapper json;

    ScoreWrites(ObjectMapper json) {
        this.json = json;
    }

    WriteResult write(ConnectorSession session, List<WriteRecord> records) {
        HttpResult answer = update(session, records);
        if (answer.status() == 400 && answer.body() != null && answer.body().contains("PROPERTY_DOESNT_EXIST")) {
            createProperties(session);
            answer = update(session, records);
        }
        if (answer.status() != 200 && answer.status() != 207) {
            throw refusal(answer);
        }
        return outcome(records, read(answer));
    }

    private HttpResult update(ConnectorSession session, List<WriteRecord> records) {
        ObjectNode body = json.createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        for (WriteRecord r : records) {
            ObjectNode input = inputs.addObject();
            input.put("id", r.id());
            ObjectNode properties = input.putObject("properties");
            r.values().forEach(properties::put);
        }
        return session.send(HttpRequestSpec.post(HubSpotConnector.uri(session, UPDATE_PATH), "application/json", text(body)), null);
    }

    /** The group and the properties; each may exist already (409), from an earlier write or another tool. */
    private void createProperties(ConnectorSession session) {
        ObjectNode group = json.createObjectNode();
        group.put("name", GROUP);
        group.put("label", "Catalyst");
        group.put("displayOrder", -1);
        created(session.send(HttpRequestSpec.post(HubSpotConnector.uri(session, GROUPS_PATH), "application/json", text(group)), null));
        for (Property p : PROPERTIES) {
            ObjectNode property = json.createObjectNode();
            property.put("name", p.name());
            property.put("label", p.label());
            property.put("type", p.type());
            property.put("fieldType", p.fieldType());
            property.put("groupName", GROUP);
            property.put("description", p.description());
            created(session.send(HttpRequestSpec.post(HubSpotConnector.uri(session, PROPERTIES_PATH), "application/json",
                    text(property)), null));
        }
    }

    private void created(HttpResult answer) {
        if (!answer.isSuccess() && answer.status() != 409) {
            throw refusal(answer);
        }
    }

    /**
     * Which records HubSpot took: those in {@code results}; those named in an error's {@code context.ids} were
     * refused with its message; any other was not confirmed, and counts as refused so it is sent again.
     */
    static WriteResult outcome(List<WriteRecord> records, JsonNode answer) {
        Set<String> written = new LinkedHashSet<>();
        for (JsonNode result : answer.path("results")) {
            written.add(result.path("id").asText());
        }
        Map<String, String> failed = new LinkedHashMap<>();
        for (JsonNode error : answer.path("errors")) {
            String reason = error.path("message").asText("HubSpot refused it")
                    + (error.hasNonNull("category") ? " (" + error.path("category").asText() + ")" : "");
            for (JsonNode id : error.path("context").path("ids")) {
                failed.put(id.asText(), reason);
            }
        }
        List<String> took = new ArrayList<>();
        for (WriteRecord r : records) {
            if (written.contains(r.id()) && !failed.containsKey(r.id())) {
                took.add(r.id());
            } else {
                failed.putIfAbsent(r.id(), "HubSpot did not confirm the update");
            }
        }
        return new WriteResult(took, failed);
    }

    // a 403 is a connection that was authorised before Catalyst asked for the write scopes
    private ProviderException refusal(HttpResult answer) {
        ProviderException e = HubSpotErrors.of(answer, json);
        if (answer.status() == 403) {
            return new ProviderException(ProviderException.Kind.REFUSED, "The HubSpot connection may not write"
                    + " contacts (it needs the scopes crm.objects.contacts.write and crm.schemas.contacts.write):"
                    + " authorise it again. " + e.getMessage(), null);
        }
        if (answer.status() >= 400 && answer.status() < 500 && e.kind() == ProviderException.Kind.PROVIDER_FAILED) {
            return new ProviderException(ProviderException.Kind.REFUSED, e.getMessage(), null);
        }
        return e;
    }

    private JsonNode read(HttpResult answer) {
        try {
            return json.readTree(answer.body());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Kind.PROVIDER_FAILED,
                    "HubSpot answered the update with something that is not JSON", null);
        }
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
