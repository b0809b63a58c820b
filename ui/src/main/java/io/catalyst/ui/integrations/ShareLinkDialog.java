package io.catalyst.ui.integrations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.connect.ShareLinks;
import io.catalyst.ui.shell.UserSession;

/**
 * A one-time link that lets someone at the client authorise a connection without a Catalyst account. The link is
 * made when the dialog is.
 */
class ShareLinkDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    ShareLinkDialog(ShareLinks shareLinks, Connections.View v) {
        setHeaderTitle("Let the client authorise " + v.connectorName());
        TextField link = new TextField("Link (works once, for 7 days)");
        link.setId("share-link");
        link.setReadOnly(true);
        link.setWidthFull();
        link.setValue(shareLinks.create(IntegrationsView.tenantId(), IntegrationsView.actorId(),
                UserSession.actor(), v.id()).toString());
        add(new Paragraph("Send this link to someone at the client who can sign in to "
                + v.connectorName() + ". They need no Catalyst account."), link);
        getFooter().add(new Button("Done", c -> close()));
        setWidth("36em");
    }
}
