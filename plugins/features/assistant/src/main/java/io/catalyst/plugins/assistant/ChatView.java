package io.catalyst.plugins.assistant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ai.ChatMessage;
import io.catalyst.api.ai.Credits;
import io.catalyst.api.ai.ModelException;
import io.catalyst.api.ui.kit.ScreenState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The chat: a conversation, suggested questions for the screen beside it, and the question box. Answers stream in by
 * server push; each figure in an answer links to the dashboard that shows it, and a figure the check could not find in
 * the tools' answers is marked. In the full page the user's earlier conversations are listed, each deletable.
 */
final class ChatView extends Div {

    private static final long serialVersionUID = 1L;
    static final int MAX_QUESTION = 2_000;
    static final int HISTORY_MESSAGES = 10;

    private final transient PluginContext ctx;
    private final transient ChatStore store;
    private final Div messages = new Div();
    private final Div suggestions = new Div();
    private final Div history = new Div();
    private final TextArea input = new TextArea();
    private final Button send = new Button("Ask", VaadinIcon.PAPERPLANE.create());
    private final Span credits = new Span();
    private final boolean fullPage;
    private UUID conversation;
    private final List<ChatMessage> said = new ArrayList<>();
    private int answers;
    /** Runs a change of the view: through the UI's lock when there is one (push), else at once (unit tests). */
    private transient Consumer<Runnable> onUi;

    ChatView(PluginContext ctx, boolean fullPage) {
        this.ctx = ctx;
        this.store = new ChatStore(ctx);
        this.fullPage = fullPage;
        UI ui = UI.getCurrent();
        onUi = ui != null && ui.getSession() != null ? command -> ui.access(command::run) : Runnable::run;
        addClassName("assistant");
        setId(fullPage ? "assistant-page" : "assistant-panel");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("height", "100%").set("min-height", fullPage ? "70vh" : "0").set("box-sizing", "border-box")
                .set("padding", fullPage ? "0" : "var(--lumo-space-s) var(--lumo-space-m)");

        Button fresh = new Button("New chat", VaadinIcon.PLUS.create(), e -> newChat());
        fresh.setId("assistant-new");
        fresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        credits.setId("assistant-credits");
        credits.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                .set("margin-left", "auto");
        Div bar = new Div(fresh, credits);
        bar.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)")
                .set("flex-wrap", "wrap");
        if (!fullPage) {
            Anchor page = new Anchor("plugins/assistant/chat", "Full page");
            page.getElement().setAttribute("router-link", true);
            page.setId("assistant-open-page");
            page.getStyle().set("font-size", "var(--lumo-font-size-s)");
            bar.addComponentAtIndex(1, page);
        }

        messages.setId("assistant-messages");
        messages.getElement().setAttribute("aria-live", "polite");
        messages.getStyle().set("flex", "1").set("overflow-y", "auto").set("display", "flex")
                .set("flex-direction", "column").set("gap", "var(--lumo-space-s)").set("min-height", "8rem");
        suggestions.setId("assistant-suggestions");
        suggestions.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");

        input.setId("assistant-input");
        input.setPlaceholder("Ask about your figures, e.g. which campaign had the best ROAS last week");
        input.setAriaLabel("Your question");
        input.setMaxLength(MAX_QUESTION);
        input.setWidthFull();
        input.setMaxHeight("8rem");
        // Enter asks, Shift+Enter starts a new line
        input.addKeyDownListener(Key.ENTER, e -> {
            if (!e.getModifiers().contains(KeyModifier.SHIFT)) {
                ask(input.getValue());
            }
        });
        send.setId("assistant-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> ask(input.getValue()));
        Div box = new Div(input, send);
        box.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "flex-end");

        Div chat = new Div(bar, messages, suggestions, box);
        chat.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("flex", "1").set("min-width", "0").set("min-height", "0");
        if (fullPage) {
            history.setId("assistant-history");
            history.getStyle().set("flex", "0 1 16rem").set("min-width", "12rem").set("display", "flex")
                    .set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
            Div layout = new Div(history, chat);
            layout.getStyle().set("display", "flex").set("flex-wrap", "wrap-reverse").set("gap",
                    "var(--lumo-space-l)").set("flex", "1").set("min-height", "0");
            add(layout);
            showHistory();
        } else {
            add(chat);
        }
        showSuggestions();
        showCredits();
        welcome();
    }

    // ---- asking ----------------------------------------------------------------------------------------------------

    void ask(String question) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty() || !send.isEnabled()) {
            return;
        }
        if (q.length() > MAX_QUESTION) {
            q = q.substring(0, MAX_QUESTION);
        }
        input.clear();
        busy(true);
        messages.getChildren().filter(c -> c.hasClassName("assistant-welcome")).toList().forEach(this::removeFrom);
        messages.add(bubble(q));
        if (conversation == null) {
            conversation = store.start(q);
        }
        store.add(conversation, "user", q, List.of(), 0, List.of());
        AnswerView answer = new AnswerView(++answers);
        messages.add(answer);
        scroll();
        UI ui = UI.getCurrent();
        ScreenState.Current screen = ScreenState.current(ui);
        String title = ui == null ? "" : ui.getInternals().getTitle();
        String system = Prompt.system(ctx, ctx.metrics().today(), screen, title == null ? "" : title);
        List<ChatMessage> context = said.subList(Math.max(0, said.size() - HISTORY_MESSAGES), said.size());
        String asked = q;
        UUID in = conversation;
        Turn turn = new Turn(ctx, system, List.copyOf(context), q, new Turn.Listener() {
            @Override
            public void text(String token) {
                onUi.accept(() -> answer.stream(token));
            }

            @Override
            public void step(String description) {
                onUi.accept(() -> answer.step(description));
            }

            @Override
            public void confirm(String question, Consumer<Boolean> reply) {
                onUi.accept(() -> {
                    answer.confirm(question, reply);
                    scroll();
                });
            }

            @Override
            public void answered(Turn.Answer result) {
                keep(in, "assistant", result.text(), result.figures(), result.unverified(), result.tools());
                said.add(ChatMessage.user(asked));
                said.add(ChatMessage.assistant(result.text(), List.of()));
                onUi.accept(() -> {
                    answer.show(result.parts(), result.links(), result.unverified());
                    finished();
                });
            }

            @Override
            public void failed(String message) {
                keep(in, "error", message, List.of(), 0, List.of());
                onUi.accept(() -> {
                    answer.failed(message);
                    finished();
                });
            }
        });
        try {
            turn.start();
        } catch (ModelException | UnsupportedOperationException e) {
            answer.failed(e.getMessage());
            finished();
        }
    }

    // the answer is shown even when the history cannot keep it
    private void keep(UUID in, String role, String text, List<io.catalyst.api.ai.ToolResult.Figure> figures,
                      long unverified, List<String> tools) {
        try {
            store.add(in, role, text, figures, unverified, tools);
        } catch (RuntimeException e) {
            ctx.log().warning("the chat history could not keep an answer: " + e.getMessage());
        }
    }

    private void finished() {
        busy(false);
        showCredits();
        if (fullPage) {
            showHistory();
        }
        scroll();
        input.focus();
    }

    private void busy(boolean busy) {
        send.setEnabled(!busy);
        input.setEnabled(!busy);
        suggestions.setVisible(!busy && conversation == null);
    }

    private void removeFrom(Component c) {
        messages.remove(c);
    }

    private void scroll() {
        messages.getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    // ---- conversations ---------------------------------------------------------------------------------------------

    void newChat() {
        conversation = null;
        said.clear();
        messages.removeAll();
        answers = 0;
        busy(false);
        welcome();
        showSuggestions();
    }

    private void open(UUID id) {
        newChat();
        conversation = id;
        suggestions.setVisible(false);
        messages.removeAll();
        for (ChatStore.Message m : store.messages(id)) {
            switch (m.role()) {
                case "user" -> {
                    messages.add(bubble(m.body()));
                    said.add(ChatMessage.user(m.body()));
                }
                case "assistant" -> {
                    AnswerView a = new AnswerView(++answers);
                    List<FigureCheck.Part> parts = FigureCheck.check(m.body(), m.figures());
                    a.show(parts, m.figures().stream().map(f -> f.link()).filter(l -> l != null).distinct()
                            .toList(), FigureCheck.unverified(parts));
                    messages.add(a);
                    said.add(ChatMessage.assistant(m.body(), List.of()));
                }
                default -> {
                    AnswerView a = new AnswerView(++answers);
                    a.failed(m.body());
                    messages.add(a);
                }
            }
        }
        scroll();
    }

    private void showHistory() {
        history.removeAll();
        Span heading = new Span("Your chats");
        heading.getStyle().set("font-weight", "600");
        history.add(heading);
        List<ChatStore.Conversation> all = store.conversations();
        if (all.isEmpty()) {
            Span none = new Span("No chats yet.");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            history.add(none);
            return;
        }
        for (ChatStore.Conversation c : all) {
            Button open = new Button(c.title(), e -> open(c.id()));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            open.addClassName("assistant-history-item");
            open.getStyle().set("flex", "1").set("justify-content", "flex-start").set("min-width", "0")
                    .set("overflow", "hidden").set("text-overflow", "ellipsis");
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                store.delete(c.id());
                if (c.id().equals(conversation)) {
                    newChat();
                }
                showHistory();
            });
            delete.setAriaLabel("Delete the chat " + c.title());
            delete.addClassName("assistant-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
            Div row = new Div(open, delete);
            row.getStyle().set("display", "flex").set("align-items", "center");
            history.add(row);
        }
        Button clear = new Button("Delete all my chats", VaadinIcon.TRASH.create(), e -> {
            store.deleteAll();
            newChat();
            showHistory();
        });
        clear.setId("assistant-delete-all");
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        clear.getStyle().set("align-self", "flex-start");
        history.add(clear);
    }

    // ---- what is around the conversation ---------------------------------------------------------------------------

    private void welcome() {
        boolean model;
        try {
            model = ctx.model().available();
        } catch (RuntimeException e) {
            model = false;
        }
        Paragraph hello = new Paragraph(model
                ? "Ask about your marketing figures. Every number in an answer links to the dashboard it comes from."
                : "No AI model answers right now: none is set up on this platform yet, or its provider cannot be"
                        + " reached. Dashboards and recommendations work as usual.");
        hello.addClassName("assistant-welcome");
        hello.setId("assistant-welcome");
        hello.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        messages.add(hello);
    }

    private void showSuggestions() {
        suggestions.removeAll();
        for (String s : Suggestions.forScreen(ScreenState.current(UI.getCurrent()).path())) {
            // a chip that wraps its text on a narrow panel, used like a button (click, Enter or Space)
            Span chip = new Span(s);
            chip.addClassName("assistant-suggestion");
            chip.getElement().setAttribute("role", "button");
            chip.getElement().setAttribute("tabindex", "0");
            chip.getElement().addEventListener("keydown", e -> ask(s)).setFilter("event.key === 'Enter' || event.key"
                    + " === ' '");
            chip.addClickListener(e -> ask(s));
            chip.getStyle().set("cursor", "pointer").set("font-size", "var(--lumo-font-size-s)")
                    .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("max-width", "100%")
                    .set("box-sizing", "border-box");
            suggestions.add(chip);
        }
        suggestions.setVisible(true);
    }

    private void showCredits() {
        try {
            Credits c = ctx.model().credits();
            credits.setText(String.format(Locale.ENGLISH, "%,d of %,d AI credits used this month", c.used(),
                    c.quota()));
        } catch (RuntimeException e) {
            credits.setText("");
        }
    }

    private static Div bubble(String question) {
        Div d = new Div();
        d.setText(question);
        d.addClassName("assistant-question");
        d.getStyle().set("align-self", "flex-end").set("max-width", "85%").set("white-space", "pre-wrap")
                .set("background", "var(--lumo-primary-color-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("overflow-wrap", "anywhere");
        return d;
    }

    /** For tests: run view changes at once. */
    void runChangesDirectly() {
        onUi = Runnable::run;
    }
}
