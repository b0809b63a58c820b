package io.catalyst.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a connection's settings may be, and the words for what they may not. */
class ConnectionsTest {

    private final Connections connections = new Connections();

    @Test
    void aScheduleIsBetweenAQuarterOfAnHourAndAWeek() {
        assertThat(Connections.schedule(null, 360)).isEqualTo(360);
        assertThat(Connections.schedule(15, 360)).isEqualTo(15);
        assertThat(Connections.schedule(7 * 24 * 60, 360)).isEqualTo(7 * 24 * 60);
        assertInvalid(() -> Connections.schedule(14, 360), "scheduleMinutes", "between 15 minutes and a week");
        assertInvalid(() -> Connections.schedule(7 * 24 * 60 + 1, 360), "scheduleMinutes",
                "between 15 minutes and a week");
    }

    @Test
    void aLookbackIsAtMostAYear() {
        assertThat(Connections.lookback(null, 28)).isEqualTo(28);
        assertThat(Connections.lookback(0, 28)).isZero();
        assertInvalid(() -> Connections.lookback(-1, 28), "lookbackDays", "between 0 and 365 days");
        assertInvalid(() -> Connections.lookback(366, 28), "lookbackDays", "between 0 and 365 days");
    }

    @Test
    void onlyThePlatformsLocalStandInsMayReplaceAProvider() {
        connections.localHosts = Optional.of(List.of("127.0.0.1"));

        assertThat(connections.baseUrl(null)).isNull();
        assertThat(connections.baseUrl(" ")).isNull();
        assertThat(connections.baseUrl(" http://127.0.0.1:8089/graph/v21.0 ")).isEqualTo("http://127.0.0.1:8089");
        assertInvalid(() -> connections.baseUrl("https://graph.facebook.com"), "baseUrl",
                "only the platform's local stand-in hosts [127.0.0.1] may replace a provider");
        assertInvalid(() -> connections.baseUrl("ftp://127.0.0.1/"), "baseUrl",
                "only the platform's local stand-in hosts [127.0.0.1] may replace a provider");
        assertInvalid(() -> connections.baseUrl("http://127.0.0.1:80 80"), "baseUrl", "not a URL");
    }

    @Test
    void inProductionNoHostMay() {
        connections.localHosts = Optional.empty();

        assertInvalid(() -> connections.baseUrl("http://127.0.0.1:8089"), "baseUrl",
                "only the platform's local stand-in hosts [] may replace a provider");
    }

    /** Like Google Ads: a choice of what counts as a conversion, and the platform's developer token. */
    private static final Connector ADS = new Connector() {
        public String id() {
            return "acme-ads";
        }

        public String displayName() {
            return "Acme Ads";
        }

        public AuthSpec auth() {
            return AuthSpec.apiKeyHeader("Access-Token", "");
        }

        public URI baseUrl() {
            return URI.create("https://api.acme.example");
        }

        public List<StreamSpec> streams() {
            return List.of();
        }

        public List<String> platformSettings() {
            return List.of("developer_token");
        }

        public List<SettingField> connectionSettings() {
            return List.of(new SettingField("conversions", "Conversions", SettingType.CHOICE, false, "conversions",
                    List.of("conversions", "all_conversions"), "which actions count"),
                    new SettingField("currency", "Currency", SettingType.STRING, false, null, List.of(), null));
        }

        public List<ProviderAccount> accounts(ConnectorSession session) {
            return List.of();
        }

        public void read(ConnectorSession session, StreamRead read, RecordSink sink) {
        }
    };

    @Test
    void aConnectionSetsTheSettingsItsConnectorDeclares() {
        Connections.checkSettings(ADS, null);
        Connections.checkSettings(ADS, Map.of());
        Connections.checkSettings(ADS, Map.of("conversions", "all_conversions", "currency", "x".repeat(500)));
        Map<String, String> blank = new LinkedHashMap<>();
        blank.put("conversions", "");
        blank.put("currency", null);
        Connections.checkSettings(ADS, blank); // blank: the declared default
    }

    @Test
    void anUndeclaredSettingIsRefused() {
        assertInvalid(() -> Connections.checkSettings(ADS, Map.of("colour", "red")), "settings.colour",
                "not a setting of Acme Ads; its settings are conversions, currency");
    }

    @Test
    void aPlatformSettingIsTheConnectorsNotTheConnections() {
        assertInvalid(() -> Connections.checkSettings(ADS, Map.of("developer_token", "mine")),
                "settings.developer_token", "the platform sets this for every Acme Ads connection; a connection"
                        + " cannot");
    }

    @Test
    void aValueIsAtMost500CharactersAndAChoiceOneOfItsChoices() {
        assertInvalid(() -> Connections.checkSettings(ADS, Map.of("currency", "x".repeat(501))), "settings.currency",
                "at most 500 characters");
        assertInvalid(() -> Connections.checkSettings(ADS, Map.of("conversions", "purchases")),
                "settings.conversions", "one of conversions, all_conversions");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("colour", "red");
        settings.put("currency", "x".repeat(501));
        ProblemException invalid = catchThrowableOfType(() -> Connections.checkSettings(ADS, settings),
                ProblemException.class);
        assertThat(invalid.errors()).extracting(Problem.FieldError::field)
                .containsExactly("settings.colour", "settings.currency");
    }

    private static void assertInvalid(Runnable call, String field, String message) {
        ProblemException invalid = catchThrowableOfType(call::run, ProblemException.class);
        assertThat(invalid.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(invalid).hasMessage(field + ": " + message);
        assertThat(invalid.errors()).containsExactly(new Problem.FieldError(field, message));
    }
}
