/**
 * Notifications: the in-app inbox (with the live unread count), each user's channel per kind, the tenant's
 * webhooks, and the durable outbox that delivers email, daily digests and webhook calls.
 */
package io.catalyst.core.notify;
