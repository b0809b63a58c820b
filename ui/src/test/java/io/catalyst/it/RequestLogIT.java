package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A request id given to a user in an error can be found in the server's logs. */
class RequestLogIT {

    @Test
    void theAccessLogRecordsEachRequestWithItsId() {
        String id = "log-check-" + System.nanoTime();
        Server.get("/api/no-such-thing", "X-Request-Id", id);

        Path accessLog = Server.DIR.resolve("logs/access.log");
        // the client may upgrade to HTTP/2 (h2c), which Liberty accepts: the version is not the point
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Files.exists(accessLog) ? Files.readString(accessLog) : "")
                        .containsPattern("\"GET /api/no-such-thing HTTP/[0-9.]+\" 404 .* rid=" + id));
    }
}
