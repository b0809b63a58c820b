package io.catalyst.core.ai;

/**
 * Where a company's model calls go.
 *
 * @param baseUrl the OpenAI-compatible API's base, e.g. {@code https://api.openai.com/v1}
 * @param model   the model's name
 * @param apiKey  the key, or null for endpoints without one; never logged
 * @param own     whether the company's own endpoint (true) or the platform's
 */
public record ModelEndpoint(String baseUrl, String model, String apiKey, boolean own) {

    @Override
    public String toString() {
        return "ModelEndpoint[" + baseUrl + ", " + model + (own ? ", the company's own" : "") + "]";
    }
}
