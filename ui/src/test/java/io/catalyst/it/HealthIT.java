package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import elemental.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthIT {

    @Test
    void liveReportsTheProcess() {
        HttpResponse<String> live = Server.get("/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        JsonObject process = check(Server.json(live), "process");
        assertThat(process.getString("status")).isEqualTo("UP");
        assertThat(process.getObject("data").getNumber("deadlockedThreads")).isZero();
    }

    @Test
    void readyChecksTheDatabaseAndItsMigrations() {
        HttpResponse<String> ready = Server.get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonObject database = check(Server.json(ready), "database");
        assertThat(database.getString("status")).isEqualTo("UP");
        assertThat(database.getObject("data").getString("migrations")).isEqualTo("DONE");
    }

    @Test
    void readyTurnsDownWhileTheDatabaseIsStoppedAndLiveStaysUp() throws Exception {
        launcher("db", "stop");
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Server.get("/health/ready").statusCode() == 503);
            JsonObject database = check(Server.json(Server.get("/health/ready")), "database");
            assertThat(database.getString("status")).isEqualTo("DOWN");
            assertThat(database.getObject("data").getString("reason")).isEqualTo("database unreachable");
            assertThat(Server.get("/health/live").statusCode()).isEqualTo(200);

            HttpResponse<String> api = Server.get("/api/system");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Server.json(api).getString("type")).isEqualTo("urn:catalyst:problem:service-unavailable");
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
        } finally {
            launcher("db", "start");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Server.get("/health/ready").statusCode() == 200);
    }

    static JsonObject check(JsonObject health, String name) {
        for (int i = 0; i < health.getArray("checks").length(); i++) {
            JsonObject check = health.getArray("checks").getObject(i);
            if (name.equals(check.getString("name"))) {
                return check;
            }
        }
        throw new AssertionError("no health check named " + name + " in " + health.toJson());
    }

    private static void launcher(String... args) {
        assertThat(Server.launcher(args)).as("./catalyst %s", String.join(" ", args)).startsWith("0:");
    }
}
