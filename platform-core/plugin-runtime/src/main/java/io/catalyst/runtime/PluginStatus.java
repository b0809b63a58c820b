package io.catalyst.runtime;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the runtime knows about one plugin file or installed plugin.
 *
 * @param pluginId    the manifest's {@code Plugin-Id}, or the file name when the file could not be read
 * @param version     the manifest's {@code Plugin-Version}, or null
 * @param provider    the manifest's {@code Plugin-Provider}, or null
 * @param description the manifest's {@code Plugin-Description}, or null
 * @param egressHosts the manifest's {@code Plugin-Egress-Hosts}
 * @param state       where it stands
 * @param reason      why it is not started, or a note about how it was started; null when there is nothing to say
 * @param since       when it reached this state
 * @param signature   the signature check of its file, or null if it never got that far
 */
public record PluginStatus(String pluginId, String version, String provider, String description,
                           Set<String> egressHosts, State state, String reason, Instant since,
                           SignatureCheck signature) {

    /** Where a plugin stands. */
    public enum State {
        /** Running; its extensions are offered. */
        STARTED,
        /** Installed but switched off by an operator. */
        DISABLED,
        /** Was running, then failed (start, a call, a timeout); its extensions are withheld until re-enabled. */
        FAILED,
        /** Never loaded: unsigned, tampered, incompatible, corrupt or missing a dependency. */
        REFUSED
    }

    /** Copies the host set. */
    public PluginStatus {
        egressHosts = egressHosts == null ? Set.of() : Set.copyOf(egressHosts);
    }

    /** Set when the plugin runs without a valid signature, which only development mode allows. */
    public Optional<String> warning() {
        return signature != null && signature.verdict() == SignatureCheck.Verdict.UNSIGNED && state != State.REFUSED
                ? Optional.of("UNSIGNED: accepted only because development mode is on")
                : Optional.empty();
    }

    PluginStatus with(State newState, String newReason) {
        return new PluginStatus(pluginId, version, provider, description, egressHosts, newState, newReason,
                Instant.now(), signature);
    }
}
