package io.catalyst.api.ai;

/** Tokens a model call used, as the provider reported them. Since API 0.8.0. */
public record Usage(int inputTokens, int outputTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public int total() {
        return inputTokens + outputTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
