package io.catalyst.api.connect;

import java.util.Map;
import java.util.Objects;

/**
 * An entity of the ads hierarchy: account → campaign → ad set → ad, and creatives.
 *
 * @param level      {@code account}, {@code campaign}, {@code ad_set}, {@code ad} or {@code creative}
 * @param id         the provider's id
 * @param parentId   the id one level up (a campaign's account, an ad's ad set); null for accounts and creatives
 * @param name       display name
 * @param status     the provider's status, e.g. {@code ACTIVE}
 * @param attributes level-specific fields: {@code currency}, {@code timezone} and, when the
 *                   source is not the ad platform itself, {@code channel} such as {@code meta-ads} (account), {@code objective}
 *                   (campaign), {@code creative_id} (ad), {@code title}, {@code body}, {@code image_url} (creative)
 * @param rawJson    the provider's record as it came
 */
public record Entity(String level, String id, String parentId, String name, String status,
                     Map<String, String> attributes, String rawJson) {

    public Entity {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(id, "id");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
