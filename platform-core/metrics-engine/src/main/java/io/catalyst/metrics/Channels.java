package io.catalyst.metrics;

import java.util.Map;

/** What people call the ad platforms that channel keys name; an unknown key is shown as it is. */
public final class Channels {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("meta-ads", "Meta Ads"), Map.entry("google-ads", "Google Ads"),
            Map.entry("tiktok-ads", "TikTok Ads"), Map.entry("linkedin-ads", "LinkedIn Ads"),
            Map.entry("microsoft-ads", "Microsoft Advertising"), Map.entry("pinterest-ads", "Pinterest Ads"),
            Map.entry("snapchat-ads", "Snapchat Ads"), Map.entry("reddit-ads", "Reddit Ads"),
            Map.entry("sandbox", "Sandbox"));

    private Channels() {
    }

    public static String label(String key) {
        return NAMES.getOrDefault(key, key);
    }
}
