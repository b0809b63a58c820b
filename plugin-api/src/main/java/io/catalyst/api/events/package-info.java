/** Platform events and the listener extension point. */
package io.catalyst.api.events;
