package io.catalyst.core;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API lives under {@code /api}; the Vaadin UI has the rest of the path space. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Catalyst API", version = "1",
        description = "Multi-tenant marketing analytics. Errors are application/problem+json (RFC 9457)."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An API token from the company's API tokens screen or POST /api/tokens")
public class CatalystApplication extends Application {
}
