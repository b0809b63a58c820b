package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SystemApiIT {

    @Test
    void reportsVersionsIncludingTheMigratedSchema() {
        HttpResponse<String> response = Server.get("/api/system");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonObject info = Server.json(response);
        assertThat(info.getString("product")).isEqualTo("Catalyst");
        assertThat(info.getString("version")).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(info.getString("pluginApiVersion")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(info.getString("schemaVersion")).isNotBlank();
    }

    @Test
    void openApiDescribesTheApiAndItsProblemResponses() {
        HttpResponse<String> openapi = Server.get("/openapi", "Accept", "application/json");

        assertThat(openapi.statusCode()).isEqualTo(200);
        JsonObject paths = Server.json(openapi).getObject("paths");
        assertThat(paths.hasKey("/api/system")).isTrue();
        assertThat(paths.getObject("/api/system").getObject("get").getObject("responses").getObject("503")
                .getObject("content").hasKey("application/problem+json")).isTrue();
        assertThat(Server.get("/openapi/ui/").statusCode()).isEqualTo(200);
    }

    @Test
    void theTokenSigningKeyIsPublishedWithoutItsPrivatePart() {
        HttpResponse<String> jwks = Server.get("/api/auth/jwks", "Accept", "application/json");

        assertThat(jwks.statusCode()).isEqualTo(200);
        JsonObject key = Server.json(jwks).getArray("keys").getObject(0);
        assertThat(key.getString("kty")).isEqualTo("EC");
        assertThat(key.getString("crv")).isEqualTo("P-256");
        assertThat(key.hasKey("d")).as("private part").isFalse();
    }
}
