/**
 * The language model plugins reach through {@code ctx.model()}, and the assistant tools through
 * {@code ctx.assistantTools()}. {@link io.catalyst.core.ai.ModelProvider} talks to any OpenAI-compatible endpoint
 * through LangChain4j, behind a circuit breaker per endpoint; {@link io.catalyst.core.ai.ModelSettings} says which
 * endpoint a company uses (the platform's, or its own); {@link io.catalyst.core.ai.AiCredits} meters every call in
 * tokens against the company's monthly credits and refuses before the provider when they are used up. The assistant
 * tools plugins offer are the plugin host's ({@code io.catalyst.core.plugins.ToolHost}).
 */
package io.catalyst.core.ai;
