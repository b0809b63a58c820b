package io.catalyst.runtime;

/**
 * A failure of the host's own work inside a call into a plugin, such as the warehouse being unreachable while a
 * connector hands over records. It is not the plugin's fault: {@link PluginRuntime#call} passes it through and
 * leaves the plugin running.
 */
public class HostFailure extends RuntimeException {

    public HostFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
