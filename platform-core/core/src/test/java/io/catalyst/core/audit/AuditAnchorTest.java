package io.catalyst.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.core.warehouse.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks on the audit log that its in-database hash chain cannot see, made as the database's superuser on real
 * PostgreSQL (a fresh database migrated as the server migrates), each caught by the checkpoints outside it.
 */
class AuditAnchorTest {

    @TempDir
    Path dir;

    private TestDatabase database;
    private Connection superuser;
    private Connection owner;
    private final byte[] key = randomKey();
    private AuditAnchor anchor;
    private final UUID tenant = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @BeforeEach
    void setUp() throws SQLException {
        database = new TestDatabase();
        superuser = database.superuser();
        owner = DriverManager.getConnection(database.url(), System.getenv("CATALYST_DB_OWNER_USER"),
                System.getenv("CATALYST_DB_OWNER_PASSWORD"));
        anchor = new AuditAnchor(key, dir);
        append(tenant, 5);
        append(other, 2);
    }

    @AfterEach
    void tearDown() throws SQLException {
        owner.close();
        superuser.close();
        database.close();
    }

    @Test
    void anUntouchedLogVerifiesAndOnlyChangedHeadsAreCheckpointedAgain() throws Exception {
        AuditAnchor.Writer writer = anchor.writer("node-a");
        assertThat(writer.checkpoint(AuditAnchor.heads(owner)).written()).isEqualTo(2);
        assertThat(writer.checkpoint(AuditAnchor.heads(owner)).written()).isZero();
        append(tenant, 1);
        assertThat(writer.checkpoint(AuditAnchor.heads(owner)).written()).isEqualTo(1);

        AuditAnchor.Report report = anchor.verify(owner);
        assertThat(report.problems()).isEmpty();
        assertThat(report.records()).isEqualTo(3);
        assertThat(report.files()).isEqualTo(1);
        assertThat(report.chains()).isEqualTo(2);
        assertThat(report.newest()).isPresent();
        // a restarted server appends to the same file, chaining on its last line
        anchor.writer("node-a").checkpoint(AuditAnchor.heads(owner));
        assertThat(anchor.verify(owner).problems()).isEmpty();
        assertThat(Files.readAllLines(writer.file())).hasSize(5);
    }

    @Test
    void anEditedEntryWithEveryLaterHashRecomputedIsCaught() throws Exception {
        AuditAnchor.Writer writer = anchor.writer("node-a");
        writer.checkpoint(AuditAnchor.heads(owner));

        try (Statement sql = superuser.createStatement()) {
            sql.execute("alter table audit_event disable trigger audit_event_no_change");
            sql.execute("update audit_event set after_state = '{\"step\": 42}' where tenant_id = '" + tenant
                    + "' and seq = 2");
            recomputeChain(sql, tenant);
            sql.execute("alter table audit_event enable trigger audit_event_no_change");
        }
        assertThat(inDatabaseProblems()).as("the chain alone no longer shows the edit").isZero();
        // the server notices at its next checkpoint, and does not record the forged head
        AuditAnchor.Outcome next = writer.checkpoint(AuditAnchor.heads(owner));
        assertThat(next.written()).isZero();
        assertThat(next.regressions()).singleElement().asString().contains(tenant + " went back from entry 5 to 5"
                + " with another hash");
        assertThat(writer.checkpoint(AuditAnchor.heads(owner)).regressions()).as("said once").isEmpty();

        assertThat(anchor.verify(owner).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.chain()).isEqualTo(tenant);
            assertThat(problem.seq()).isEqualTo(5);
            assertThat(problem.problem()).contains("no longer has the hash checkpointed");
        });
    }

    @Test
    void theNewestEntriesDeletedAreCaught() throws Exception {
        AuditAnchor.Writer writer = anchor.writer("node-a");
        writer.checkpoint(AuditAnchor.heads(owner));

        try (Statement sql = superuser.createStatement()) {
            sql.execute("alter table audit_event disable trigger audit_event_no_change");
            sql.execute("delete from audit_event where tenant_id = '" + tenant + "' and seq >= 4");
            sql.execute("alter table audit_event enable trigger audit_event_no_change");
        }
        assertThat(inDatabaseProblems()).as("a shorter chain is still a valid chain").isZero();
        assertThat(writer.checkpoint(AuditAnchor.heads(owner)).regressions()).singleElement().asString()
                .contains(tenant + " went back from entry 5 to 3");

        List<AuditAnchor.Problem> problems = anchor.verify(owner).problems();
        assertThat(problems).extracting(AuditAnchor.Problem::chain).containsOnly(tenant);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.seq()).isEqualTo(4);
            assertThat(p.problem()).contains("entries 4 to 5 were deleted");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.problem()).contains("3 entries, fewer than the 5"));
    }

    @Test
    void entriesDeletedAndReplacedByNewOnesAreCaught() throws Exception {
        anchor.writer("node-a").checkpoint(AuditAnchor.heads(owner));
        try (Statement sql = superuser.createStatement()) {
            sql.execute("alter table audit_event disable trigger audit_event_no_change");
            sql.execute("delete from audit_event where tenant_id = '" + tenant + "' and seq >= 4");
            sql.execute("alter table audit_event enable trigger audit_event_no_change");
        }
        append(tenant, 3); // seq 4..6 again, so the chain is longer than its checkpoint
        AuditAnchor.Outcome outcome = anchor.writer("node-b").checkpoint(AuditAnchor.heads(owner));
        assertThat(outcome.written()).isEqualTo(2);

        assertThat(anchor.verify(owner).problems()).singleElement().satisfies(p -> {
            assertThat(p.chain()).isEqualTo(tenant);
            assertThat(p.seq()).isEqualTo(5);
        });
    }

    @Test
    void aWholeChainDeletedIsCaughtUnlessTheServerRecordedItsPurge() throws Exception {
        AuditAnchor.Writer writer = anchor.writer("node-a");
        writer.checkpoint(AuditAnchor.heads(owner));
        deleteChain(other);

        assertThat(anchor.verify(owner).problems()).singleElement().satisfies(p -> {
            assertThat(p.chain()).isEqualTo(other);
            assertThat(p.problem()).contains("the whole chain was deleted");
        });
        assertThat(writer.checkpoint(AuditAnchor.heads(owner)).regressions()).singleElement().asString()
                .contains(other.toString()).contains("gone");

        // the server's own purge (offboarding) is recorded after it commits, and accounts for the chain
        writer.purged(other, AuditAnchor.databaseTime(owner));
        AuditAnchor.Report report = anchor.verify(owner);
        assertThat(report.problems()).isEmpty();
        assertThat(report.purged()).isEqualTo(1);
        assertThat(report.chains()).isEqualTo(1);
    }

    @Test
    void aPurgeRecordDoesNotCoverAChainCheckpointedAfterIt() throws Exception {
        anchor.writer("node-a").purged(other, AuditAnchor.databaseTime(owner));
        // another node checkpoints the chain after that purge record (the node that purged skips it from then on)
        anchor.writer("node-b").checkpoint(AuditAnchor.heads(owner));
        deleteChain(other);

        assertThat(anchor.verify(owner).problems()).extracting(AuditAnchor.Problem::chain).containsExactly(other);
    }

    @Test
    void aForgedOrEditedCheckpointLineIsRefused() throws Exception {
        AuditAnchor.Writer writer = anchor.writer("node-a");
        writer.checkpoint(AuditAnchor.heads(owner));
        List<String> lines = Files.readAllLines(writer.file());
        String original = lines.get(0);

        // a purge record of the tenant's chain, to cover deleting it, made without the key
        String[] fields = original.split("\t");
        String forged = String.join("\t", "purge", fields[1], fields[2], fields[3], "-", "-", "-",
                "0".repeat(64));
        Files.writeString(writer.file(), forged + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        // and the same, signed with another key
        AuditAnchor stranger = new AuditAnchor(randomKey(), dir);
        stranger.writer("node-z").purged(UUID.fromString(fields[3]), AuditAnchor.databaseTime(owner));
        deleteChain(UUID.fromString(fields[3]));

        List<AuditAnchor.Problem> problems = anchor.verify(owner).problems();
        assertThat(problems).anySatisfy(p -> assertThat(p.problem())
                .startsWith("checkpoints-node-a.log line 3").contains("signature does not verify"));
        assertThat(problems).anySatisfy(p -> assertThat(p.problem())
                .startsWith("checkpoints-node-z.log line 1").contains("signature does not verify"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.chain()).isEqualTo(UUID.fromString(fields[3]));
            assertThat(p.problem()).contains("the whole chain was deleted");
        });

        // an edited line: a checkpointed seq lowered, to hide deleted entries
        Files.write(writer.file(), List.of(original.replaceFirst("\t(\\d+)\t(\\d+)\t", "\t1\t1\t")));
        assertThat(anchor.verify(owner).problems()).anySatisfy(p -> assertThat(p.problem())
                .startsWith("checkpoints-node-a.log line 1").contains("signature does not verify"));
    }

    @Test
    void aLineRemovedFromTheMiddleOfAFileIsCaught() throws Exception {
        AuditAnchor.Writer writer = anchor.writer("node-a");
        writer.checkpoint(AuditAnchor.heads(owner));
        append(tenant, 1);
        writer.checkpoint(AuditAnchor.heads(owner));
        List<String> lines = Files.readAllLines(writer.file());
        assertThat(lines).hasSize(3);
        Files.write(writer.file(), List.of(lines.get(0), lines.get(2)));

        assertThat(anchor.verify(owner).problems()).singleElement().satisfies(p -> assertThat(p.problem())
                .startsWith("checkpoints-node-a.log line 2").contains("signature does not verify"));
    }

    @Test
    void withoutCheckpointsNothingIsClaimed() throws Exception {
        AuditAnchor.Report report = anchor.verify(owner);
        assertThat(report.intact()).isTrue();
        assertThat(report.records()).isZero();
        assertThat(report.newest()).isEmpty();
    }

    private void append(UUID chain, int entries) throws SQLException {
        try (Statement sql = superuser.createStatement()) {
            for (int i = 0; i < entries; i++) {
                sql.execute("insert into audit_event (tenant_id, seq, id, occurred_at, actor, action, after_state,"
                        + " prev_hash, hash) values ('" + chain + "', 0, '" + UUID.randomUUID() + "', now(),"
                        + " 'test', 'test.step', '{\"step\": " + i + "}', '', '')");
            }
        }
    }

    private void deleteChain(UUID chain) throws SQLException {
        try (Statement sql = superuser.createStatement()) {
            sql.execute("alter table audit_event disable trigger audit_event_no_change");
            sql.execute("delete from audit_event where tenant_id = '" + chain + "'");
            sql.execute("alter table audit_event enable trigger audit_event_no_change");
        }
    }

    // what an attacker who owns the database does after editing an entry: every later prev_hash and hash anew
    private static void recomputeChain(Statement sql, UUID chain) throws SQLException {
        sql.execute("""
                do $$
                declare
                  e audit_event;
                  prev text := repeat('0', 64);
                begin
                  for e in select * from audit_event where tenant_id = '%s' order by seq loop
                    e.prev_hash := prev;
                    e.hash := audit_hash(e);
                    update audit_event set prev_hash = e.prev_hash, hash = e.hash
                     where tenant_id = e.tenant_id and seq = e.seq;
                    prev := e.hash;
                  end loop;
                end $$""".formatted(chain));
    }

    private int inDatabaseProblems() throws SQLException {
        try (Statement sql = superuser.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from audit_verify()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
