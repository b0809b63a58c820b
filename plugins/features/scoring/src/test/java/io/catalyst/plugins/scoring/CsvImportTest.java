package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CsvImportTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void goodRowsAreReadAndEveryBadRowIsReportedByItsLine() {
        String csv = """
                Email,Full Name,Company,Job Title,Company size,Page views,Created,Favourite colour
                ada@example.com,Ada Lovelace,Helix Labs,VP Marketing,450,14,2026-11-30,blue
                not-an-address,Bob,,,,,,
                carla@example.com,Carla,"Granite, Inc.",CEO,many,3,,
                dan@example.com,Dan,,,,,2027-01-01,
                ADA@example.com,Ada again,,,,,,
                eve@example.com,Eve
                """;
        CsvImport.Result r = CsvImport.read(csv, BERLIN, NOW);
        assertThat(r.leads()).extracting(Leads.Incoming::email).containsExactly("ada@example.com");
        Leads.Incoming ada = r.leads().get(0);
        assertThat(ada.facts().jobTitle()).isEqualTo("VP Marketing");
        assertThat(ada.facts().employees()).isEqualTo(450);
        assertThat(ada.createdAt()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(ada.externalId()).isEqualTo("email:ada@example.com");
        assertThat(r.errors()).extracting(CsvImport.RowError::line, CsvImport.RowError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "\"not-an-address\" is not an email address"),
                org.assertj.core.groups.Tuple.tuple(4L, "employees \"many\" is not a whole number from 0 to"
                        + " 10,000,000"),
                org.assertj.core.groups.Tuple.tuple(5L, "created 2027-01-01 is in the future"),
                org.assertj.core.groups.Tuple.tuple(6L, "the address ada@example.com came earlier in the file"),
                org.assertj.core.groups.Tuple.tuple(7L, "it has 2 values where the header has 8"));
        assertThat(r.ignoredColumns()).containsExactly("Favourite colour");
    }

    @Test
    void aFileThatIsNoLeadListIsRefusedWhole() {
        assertThatThrownBy(() -> CsvImport.read("", BERLIN, NOW)).hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvImport.read("name,company\nAda,Helix\n", BERLIN, NOW))
                .hasMessageContaining("no email column");
        assertThatThrownBy(() -> CsvImport.read("email,e-mail address\na@example.com,b@example.com\n", BERLIN, NOW))
                .hasMessageContaining("Two columns mean email");
        assertThatThrownBy(() -> CsvImport.read("email\n\"a@example.com\n", BERLIN, NOW))
                .isInstanceOf(CsvImport.BadFile.class).hasMessageContaining("not CSV");
        StringBuilder big = new StringBuilder("email\n");
        for (int i = 0; i <= CsvImport.MAX_ROWS; i++) {
            big.append("l").append(i).append("@example.com\n");
        }
        assertThatThrownBy(() -> CsvImport.read(big.toString(), BERLIN, NOW)).hasMessageContaining("split it");
    }
}
