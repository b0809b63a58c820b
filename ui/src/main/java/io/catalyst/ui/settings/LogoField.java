package io.catalyst.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.catalyst.core.tenancy.Logos;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.MainLayout;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The company's logo: what is stored now, an upload that stores a new one at once (it is not part of the form's
 * Save), and a way to remove it. A refused file says why under the upload.
 */
final class LogoField extends Div {

    private static final long serialVersionUID = 1L;

    private final transient Logos logos;
    private final Div preview = new Div();
    private final Span message = new Span();
    private final Button remove = new Button("Remove logo");
    private Tenant tenant;

    LogoField(Logos logos, Tenant tenant) {
        this.logos = logos;
        this.tenant = tenant;
        setId("logo-field");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                .set("gap", "var(--lumo-space-m)").set("margin", "var(--lumo-space-s) 0");

        AtomicReference<byte[]> received = new AtomicReference<>();
        Upload upload = new Upload(UploadHandler.inMemory((meta, data) -> received.set(data)));
        upload.setId("logo-upload");
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", ".png", ".jpg", ".jpeg", ".gif");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(Logos.MAX_BYTES);
        upload.setDropLabel(new Span("or drop the image here"));
        upload.addFileRejectedListener(rejected -> show("This file cannot be a logo: " + rejected.getErrorMessage()
                + ". Use a PNG, JPEG or GIF of at most 1 MiB.", true));
        upload.addAllFinishedListener(done -> {
            byte[] data = received.getAndSet(null);
            upload.clearFileList();
            if (data != null) {
                store(() -> logos.save(SettingsForms.actorId(), SettingsForms.actor(), tenant.id(), data),
                        "The logo is saved. It shows in the menu bar, on your sign-in page, share links and mails.");
            }
        });

        remove.setId("remove-logo");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(click -> store(() -> logos.remove(SettingsForms.actorId(), SettingsForms.actor(),
                tenant.id()), "The logo is removed."));

        message.setId("logo-message");
        message.getStyle().set("font-size", "var(--lumo-font-size-s)").set("flex-basis", "100%");
        preview.setId("logo-preview");
        add(preview, upload, remove, message);
        draw();
        show("A PNG, JPEG or GIF of at most 1 MiB; it is stored as a picture of at most 512×128 pixels.", false);
        message.getStyle().set("color", "var(--lumo-secondary-text-color)");
    }

    private void store(java.util.function.Supplier<Tenant> change, String done) {
        try {
            tenant = change.get();
            draw();
            show(done, false);
            MainLayout.refreshBranding();
        } catch (ProblemException refused) {
            show(refused.getMessage(), true);
        }
    }

    private void draw() {
        preview.removeAll();
        String path = Logos.path(tenant.id(), tenant.logoSha());
        if (path == null) {
            Span none = new Span("No logo yet");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            preview.add(none);
        } else {
            Image logo = new Image(path, "The logo of " + tenant.name());
            logo.setId("logo-image");
            logo.setHeight("48px");
            preview.add(logo);
        }
        remove.setVisible(path != null);
    }

    private void show(String text, boolean error) {
        message.setText(text);
        message.getStyle().set("color", error ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
    }
}
