package io.catalyst.api.ui.kit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.io.Serializable;

/** A link that downloads a file made when it is clicked (an export, a PDF), not before. */
public final class Downloads {

    private Downloads() {
    }

    /** Makes the file's bytes on demand. */
    @FunctionalInterface
    public interface Bytes extends Serializable {
        byte[] get();
    }

    /**
     * A download link with the class {@code catalyst-export} and the file's name in {@code data-file}.
     *
     * @param fileName    what the browser saves it as
     * @param text        the link's text, e.g. {@code CSV}
     * @param contentType the file's media type
     */
    @SuppressWarnings("deprecation") // StreamResource: still the way Anchor takes a generated download in 24.9
    public static Anchor link(String fileName, String text, String contentType, Bytes bytes) {
        StreamResource resource = new StreamResource(fileName, () -> new ByteArrayInputStream(bytes.get()));
        resource.setContentType(contentType);
        Anchor a = new Anchor();
        // a resource registers with the current UI: without one yet (built off-screen), link it once attached
        if (UI.getCurrent() != null) {
            a.setHref(resource);
        } else {
            a.addAttachListener(e -> a.setHref(resource));
        }
        a.getElement().setAttribute("download", fileName);
        a.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(" " + text));
        a.addClassName("catalyst-export");
        a.getElement().setAttribute("data-file", fileName);
        return a;
    }
}
