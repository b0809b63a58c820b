/** Permissions a plugin declares so tenant admins can grant them to roles. */
package io.catalyst.api.security;
