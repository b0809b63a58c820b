package io.catalyst.sdk.testkit.ai;

import io.catalyst.api.ai.ChatRequest;
import io.catalyst.api.ai.Credits;
import io.catalyst.api.ai.CreditsExhausted;
import io.catalyst.api.ai.LanguageModel;
import io.catalyst.api.ai.ModelException;
import io.catalyst.api.ai.ModelUnavailable;
import io.catalyst.api.ai.Reply;
import io.catalyst.api.ai.ReplyHandler;
import io.catalyst.api.ai.Usage;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The host's language model in a plugin's unit tests ({@code ctx.model()} of the testkit's context): a script answers
 * each request, replies stream word by word, usage is charged against credits, and the model can be down or the
 * credits used up. Unlike the host it calls the handler on the caller's thread, so a test reads the outcome right
 * after {@code stream} returns. For tests against the real host use {@link FakeOpenAi}.
 */
public final class FakeLanguageModel implements LanguageModel {

    private volatile Function<ChatRequest, Reply> script = request -> new Reply("ok", List.of(), new Usage(10, 1));
    private volatile ModelException failure;
    private volatile long quota = 1_000;
    private volatile long usedTokens;
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    /** How it answers: a function of the request (the conversation and the tools offered). */
    public FakeLanguageModel respond(Function<ChatRequest, Reply> script) {
        this.script = script;
        return this;
    }

    /** Every call fails as a provider outage does, until {@link #up()}. */
    public FakeLanguageModel down() {
        failure = new ModelUnavailable("The AI model could not be reached (fake)");
        return this;
    }

    public FakeLanguageModel up() {
        failure = null;
        return this;
    }

    /** Sets the monthly credits; at {@code used >= quota} calls are refused before the script sees them. */
    public FakeLanguageModel credits(long quota, long usedCredits) {
        this.quota = quota;
        this.usedTokens = usedCredits * Credits.TOKENS_PER_CREDIT;
        return this;
    }

    /** The requests the script answered, in order. */
    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public boolean available() {
        return failure == null;
    }

    @Override
    public void stream(ChatRequest request, ReplyHandler handler) {
        Reply reply;
        try {
            reply = chat(request);
        } catch (ModelException e) {
            handler.failed(e);
            return;
        }
        for (String word : reply.text().split("(?<= )")) {
            if (!word.isEmpty()) {
                handler.token(word);
            }
        }
        handler.complete(reply);
    }

    @Override
    public Reply chat(ChatRequest request) {
        if (credits().exhausted()) {
            throw new CreditsExhausted("Your company has used its " + quota + " AI credits for this month (fake).");
        }
        if (failure != null) {
            throw failure;
        }
        requests.add(request);
        Reply reply = script.apply(request);
        synchronized (this) {
            usedTokens += reply.usage().total();
        }
        return reply;
    }

    @Override
    public Credits credits() {
        return new Credits(YearMonth.now(), (usedTokens + Credits.TOKENS_PER_CREDIT - 1) / Credits.TOKENS_PER_CREDIT,
                quota);
    }
}
