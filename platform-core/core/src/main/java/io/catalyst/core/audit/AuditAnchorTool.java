package io.catalyst.core.audit;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ./catalyst audit verify} and {@code ./catalyst audit checkpoint} against the checkpoint files: run by the
 * launcher with the core classes and the PostgreSQL driver, outside the server. Reads its settings from the
 * environment: {@code CATALYST_AUDIT_ANCHOR_KEY}, {@code CATALYST_AUDIT_ANCHOR_DIR}, and the database as
 * {@code CATALYST_AUDIT_JDBC_URL}, {@code CATALYST_AUDIT_JDBC_USER}, {@code CATALYST_AUDIT_JDBC_PASSWORD}.
 *
 * <p>{@code verify} prints one line per problem ({@code <chain or "checkpoints"> <entry or -> <problem>}) after a
 * line {@code altered}, then a summary; exits 1 when anything was altered, 2 when it could not check.
 */
public final class AuditAnchorTool {

    private AuditAnchorTool() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        try {
            System.exit(switch (command) {
                case "verify" -> verify();
                case "checkpoint" -> checkpoint();
                default -> {
                    System.err.println("usage: AuditAnchorTool verify|checkpoint");
                    yield 2;
                }
            });
        } catch (Exception e) {
            System.err.println("catalyst: the audit checkpoints could not be checked: " + e.getMessage());
            System.exit(2);
        }
    }

    private static int verify() throws Exception {
        Path dir = Path.of(env("CATALYST_AUDIT_ANCHOR_DIR"));
        String key = System.getenv("CATALYST_AUDIT_ANCHOR_KEY");
        if ((key == null || key.isBlank()) && !AuditAnchor.hasCheckpoints(dir)) {
            System.out.println("No checkpoints in " + dir + " and no CATALYST_AUDIT_ANCHOR_KEY: nothing anchors the"
                    + " log outside the database (docs/audit-integrity.md).");
            return 0;
        }
        AuditAnchor anchor = new AuditAnchor(AuditAnchor.decodeKey(key), dir);
        AuditAnchor.Report report;
        try (Connection db = connect()) {
            report = anchor.verify(db);
        }
        if (!report.intact()) {
            System.out.println("altered");
            report.problems().forEach(System.out::println);
        }
        if (report.records() == 0) {
            System.out.println("No checkpoints in " + dir + " yet: nothing anchors the log outside the database"
                    + " (the server writes them every few minutes; docs/audit-integrity.md).");
        } else {
            String newest = report.newest().map(at -> at + " (" + age(at) + " ago)").orElse("none");
            System.out.println(report.records() + " checkpoint records in " + report.files() + " file(s) in " + dir
                    + " checked, covering " + report.chains() + " chain(s)"
                    + (report.purged() > 0 ? " and " + report.purged() + " purged" : "")
                    + "; the newest checkpoint is from " + newest + ".");
        }
        return report.intact() ? 0 : 1;
    }

    private static int checkpoint() throws Exception {
        Path dir = Path.of(env("CATALYST_AUDIT_ANCHOR_DIR"));
        AuditAnchor anchor = new AuditAnchor(AuditAnchor.decodeKey(System.getenv("CATALYST_AUDIT_ANCHOR_KEY")), dir);
        AuditAnchor.Writer writer = anchor.writer("cli-" + InetAddress.getLocalHost().getHostName());
        AuditAnchor.Outcome outcome;
        try (Connection db = connect()) {
            outcome = writer.checkpoint(AuditAnchor.heads(db));
        }
        System.out.println("Checkpointed " + outcome.written() + " chain head(s) into " + writer.file() + ".");
        return 0;
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(env("CATALYST_AUDIT_JDBC_URL"), env("CATALYST_AUDIT_JDBC_USER"),
                System.getenv("CATALYST_AUDIT_JDBC_PASSWORD"));
    }

    private static String age(Instant at) {
        Duration age = Duration.between(at, Instant.now());
        if (age.toMinutes() < 2) {
            return Math.max(0, age.toSeconds()) + " s";
        }
        if (age.toHours() < 2) {
            return age.toMinutes() + " min";
        }
        return age.toHours() < 48 ? age.toHours() + " h" : age.toDays() + " days";
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
