package io.catalyst.core.identity;

import java.util.Locale;

/** Role keys ({@code tenant-admin}) as people read them ("Tenant admin"); the keys stay in the API and manifests. */
public final class RoleNames {

    private RoleNames() {
    }

    /** "tenant-admin" → "Tenant admin"; a custom role's key reads the same way. */
    public static String of(String key) {
        if (key == null || key.isBlank()) {
            return "";
        }
        String words = key.replace('-', ' ').replace('_', ' ').trim();
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
