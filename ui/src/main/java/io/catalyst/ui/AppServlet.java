package io.catalyst.ui;

import com.vaadin.cdi.CdiVaadinServlet;
import io.catalyst.core.web.InputGuard;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;

/**
 * The UI's servlet, declared rather than left to Vaadin's automatic one only to give it a multipart configuration:
 * Liberty refuses to read the parts of a request to a servlet without one, and Vaadin's uploads (a plugin's jar, a
 * company's logo) are multipart. The largest part is a plugin jar; the JAX-RS upload has the same limit.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true, loadOnStartup = 1)
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = InputGuard.MAX_UPLOAD,
        maxRequestSize = InputGuard.MAX_UPLOAD + 1024 * 1024)
public class AppServlet extends CdiVaadinServlet {

    private static final long serialVersionUID = 1L;
}
