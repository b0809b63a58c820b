package io.catalyst.api.ai;

/** Receives a streamed reply, on a host thread. Since API 0.8.0. */
public interface ReplyHandler {

    /** A piece of the reply's text, in order. */
    void token(String text);

    /** The whole reply, once: its text, the tools it asks to call, and the usage charged. */
    void complete(Reply reply);

    /** The call failed, once: a {@link ModelUnavailable} or {@link CreditsExhausted} with a message for people. */
    void failed(ModelException error);
}
