package io.catalyst.plugins.hubspot;

import java.util.List;

/**
 * A CRM object the connector reads: its search path, the property its cursor follows, and the properties it maps.
 * Contacts and deals name their modification time differently (HubSpot's default properties).
 */
enum CrmObject {

    CONTACTS("contacts", "lastmodifieddate",
            List.of("email", "firstname", "lastname", "company", "lifecyclestage", "createdate", "lastmodifieddate")),
    DEALS("deals", "hs_lastmodifieddate",
            List.of("dealname", "dealstage", "amount", "deal_currency_code", "closedate", "createdate",
                    "hs_lastmodifieddate"));

    final String stream;
    final String modifiedProperty;
    final List<String> properties;

    CrmObject(String stream, String modifiedProperty, List<String> properties) {
        this.stream = stream;
        this.modifiedProperty = modifiedProperty;
        this.properties = properties;
    }

    /** The search endpoint, as HubSpot documents it. */
    String searchPath() {
        return "/crm/v3/objects/" + stream + "/search";
    }

    static CrmObject of(String stream) {
        for (CrmObject object : values()) {
            if (object.stream.equals(stream)) {
                return object;
            }
        }
        throw new IllegalArgumentException("HubSpot has no stream " + stream);
    }
}
