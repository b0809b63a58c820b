/**
 * The AI host services. {@link io.catalyst.api.ai.LanguageModel} is the platform's chat model (an OpenAI-compatible
 * endpoint the platform configures, optionally one per tenant), metered against the tenant's monthly AI credits.
 * {@link io.catalyst.api.ai.AssistantTool} is the extension point through which a plugin offers the assistant a typed
 * tool, and {@link io.catalyst.api.ai.AssistantTools} is how the assistant lists and calls them: the host binds the
 * tenant and the user's permissions, so no tool takes a tenant as an argument, and a tool that changes something runs
 * only after the user confirmed it. Plugins never see the provider's key, address or client library. Since API 0.8.0.
 */
package io.catalyst.api.ai;
