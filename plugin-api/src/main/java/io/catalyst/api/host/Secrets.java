package io.catalyst.api.host;

import java.util.Optional;

/** The tenant's {@link io.catalyst.api.settings.SettingType#SECRET} settings for this plugin, decrypted on demand. */
public interface Secrets {

    /** The secret stored under a setting key, or empty if the tenant has not set it. Never log the value. */
    Optional<String> get(String key);
}
