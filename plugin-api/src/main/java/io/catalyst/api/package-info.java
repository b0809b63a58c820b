/**
 * Catalyst's plugin API: the only thing plugins compile against.
 *
 * <p>Interfaces and records only, never an implementation. Host services reach a plugin through a context object
 * handed to it by the host; plugins get no CDI injection and no host internals.
 */
package io.catalyst.api;
