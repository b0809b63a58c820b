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
        // Liberty writes the access log from a buffer in the background: on a loaded machine that took over 30 s
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(Files.exists(accessLog) ? Files.readString(accessLog) : "")
                        .containsPattern("\"GET /api/no-such-thing HTTP/1.1\" 404 .* rid=" + id));
    }
}
