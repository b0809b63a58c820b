package io.catalyst.plugins.notes;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.UiScreen;
import org.pf4j.Extension;

/** The notes board: the newest notes, and a box to add one for those who may write. */
@Extension
public class NotesScreen implements UiScreen {

    @Override
    public String route() {
        return "board";
    }

    @Override
    public String title() {
        return "Notes";
    }

    @Override
    public String navIcon() {
        return "vaadin:notebook";
    }

    @Override
    public String requiredPermission() {
        return NotesExtensions.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        VerticalLayout board = new VerticalLayout();
        board.setId("notes-board");
        board.setPadding(false);
        board.add(new H2(ctx.settings().getOrDefault("title", "Account notes")));
        Div list = new Div();
        list.setId("notes-list");
        if (ctx.isPermitted(NotesExtensions.WRITE)) {
            TextArea text = new TextArea("New note");
            text.setId("note-text");
            text.setMaxLength(Notes.MAX_LENGTH);
            text.setWidthFull();
            Button add = new Button("Add note", click -> {
                if (!text.getValue().isBlank()) {
                    Notes.add(ctx, text.getValue().trim(), ctx.user().map(u -> u.name()).orElse("?"));
                    text.clear();
                    fill(list, ctx);
                }
            });
            add.setId("add-note");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            board.add(text, add);
        }
        board.add(list);
        fill(list, ctx);
        return board;
    }

    private static void fill(Div list, PluginContext ctx) {
        list.removeAll();
        var notes = Notes.newestFirst(ctx, 50);
        if (notes.isEmpty()) {
            list.add(new Paragraph("No notes yet."));
        }
        for (Notes.Note note : notes) {
            Div item = new Div(new Span(note.text()), new Paragraph(note.author() + " · " + note.createdAt()
                    .toLocalDate()));
            item.addClassName("note");
            list.add(item);
        }
    }
}
