/**
 * A deterministic local fake of an OpenAI-compatible Chat Completions API, for tests and benchmarks of the AI
 * assistant without the internet: {@link io.catalyst.sdk.testkit.ai.FakeOpenAi} serves {@code POST /v1/chat/completions}
 * (plain and streamed), answers with the {@link io.catalyst.sdk.testkit.ai.Turn} a test scripts for each
 * {@link io.catalyst.sdk.testkit.ai.ChatCall}, and can be made to fail, stall or stream slowly. In a plugin's unit
 * tests, {@link io.catalyst.sdk.testkit.ai.FakeLanguageModel} and {@link io.catalyst.sdk.testkit.ai.FakeAssistantTools}
 * play the host's {@code ctx.model()} and {@code ctx.assistantTools()} without HTTP.
 */
package io.catalyst.sdk.testkit.ai;
