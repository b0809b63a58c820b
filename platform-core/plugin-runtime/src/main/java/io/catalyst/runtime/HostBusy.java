package io.catalyst.runtime;

/**
 * The host had no thread free to run a call into a plugin in time: the server is overloaded and the plugin is not at
 * fault, so nothing is failed or paused. A request that meets it answers 503, to be tried again.
 */
public final class HostBusy extends HostFailure {

    HostBusy(String message) {
        super(message, null);
    }
}
