package io.catalyst.ui.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.catalyst.api.PluginApi;
import io.catalyst.core.system.CatalystVersion;

/** The versions a support request needs. */
class AboutDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    AboutDialog() {
        setHeaderTitle("About Catalyst");
        add(new Paragraph("Catalyst " + CatalystVersion.current()),
                new Paragraph("Plugin API " + PluginApi.VERSION),
                new Paragraph("Java " + Runtime.version()));
        getFooter().add(new Button("Close", click -> close()));
    }
}
