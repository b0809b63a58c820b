package io.catalyst.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class SecurityHeadersIT {

    @Test
    void everyPageForbidsFramingSniffingAndForeignScripts() {
        for (String path : new String[] {"/", "/sign-in", "/api/system"}) {
            HttpResponse<String> response = Server.get(path);

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'")
                            .contains("default-src 'self'").contains("object-src 'none'"));
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path + " over HTTP").isEmpty();
        }
        assertThat(Server.get("/api/system").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        HttpResponse<String> page = Server.get("/sign-in");

        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void httpsAddsStrictTransportSecurity() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS"); // the server's certificate is self-signed here
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        SSLParameters noHostnameCheck = new SSLParameters();
        noHostnameCheck.setEndpointIdentificationAlgorithm(null);
        HttpClient client = HttpClient.newBuilder().sslContext(trustAll).sslParameters(noHostnameCheck).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create(System.getProperty("it.https.url") + "/api/system")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v ->
                assertThat(v).contains("max-age="));
    }
}
