package io.catalyst.core.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anchors the audit log outside the database: signed checkpoints of each chain's head, appended to files the database
 * owner cannot rewrite, and the check of the log against them. The chains themselves (V2__tenancy.sql) only show that
 * no entry was changed without recomputing every later hash; whoever owns the database can do that, or delete a
 * chain's newest entries or the whole chain. A checkpoint, signed with a key the database never sees, fixes each
 * chain's head (seq, hash, entry count) as it was at a time; {@link #verify} then finds any chain that no longer
 * contains it. See docs/audit-integrity.md.
 *
 * <p>Plain JDK and JDBC only: the server's scheduled checkpoints ({@link AuditCheckpoints}) and the launcher's
 * {@code ./catalyst audit verify|checkpoint} ({@link AuditAnchorTool}) run this same code.
 *
 * <p>A checkpoint file is UTF-8 text, one record per line, tab-separated:
 * <pre>
 * head   &lt;at&gt; &lt;node&gt; &lt;chain&gt; &lt;seq&gt; &lt;count&gt; &lt;hash&gt; &lt;mac&gt;
 * purge  &lt;at&gt; &lt;node&gt; &lt;chain&gt; -     -       -      &lt;mac&gt;
 * </pre>
 * {@code at} is the database's time of the snapshot (ISO-8601, UTC); {@code mac} is the hex HMAC-SHA256, under the
 * anchor key, of the previous line's mac (empty on the first line), a newline, and the line up to its last tab. So a
 * line cannot be forged, edited, or removed from the middle of a file without the key. A {@code purge} record says
 * that the server itself deleted that chain (offboarding); without one, a checkpointed chain must still exist.
 */
public final class AuditAnchor {

    /** Checkpoint files in the anchor folder are named {@code checkpoints-<node>.log}, one per server or tool. */
    public static final String FILE_PREFIX = "checkpoints-";
    public static final String FILE_SUFFIX = ".log";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String NONE = "-";

    private final byte[] key;
    private final Path dir;

    public AuditAnchor(byte[] key, Path dir) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("The audit anchor key must be at least 32 bytes");
        }
        this.key = key.clone();
        this.dir = dir;
    }

    /** Decodes the anchor key: base64 of at least 32 bytes, as {@code CATALYST_AUDIT_ANCHOR_KEY} holds it. */
    public static byte[] decodeKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("No audit anchor key is set (CATALYST_AUDIT_ANCHOR_KEY)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The audit anchor key is not base64", e);
        }
        if (key.length < 32) {
            throw new IllegalArgumentException("The audit anchor key must be base64 of at least 32 bytes");
        }
        return key;
    }

    public Path dir() {
        return dir;
    }

    // ------------------------------------------------------------------------------------------------------------
    // What the database holds

    /** A chain's newest entry: its seq and hash, and how many entries the chain has (its seq, when intact). */
    public record Head(UUID chain, long seq, long count, String hash) {
    }

    /** The heads of every chain, and the database's time they were read at. */
    public record Snapshot(Instant at, Map<UUID, Head> heads) {
    }

    /**
     * Reads every chain's head in one statement. Cheap: one index probe per chain (a skip scan over the primary key),
     * not a scan of the log. The entry count is the head's seq: {@code audit_verify()} checks that no seq is missing,
     * and {@link #verify} counts the entries.
     */
    public static Snapshot heads(Connection db) throws SQLException {
        return inPlatformScope(db, () -> {
            try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("""
                    with recursive chains as (
                      (select tenant_id as id from audit_event order by tenant_id limit 1)
                      union all
                      select (select tenant_id from audit_event where tenant_id > chains.id
                               order by tenant_id limit 1) from chains
                       where chains.id is not null)
                    select c.id, h.seq, h.hash, statement_timestamp() from chains c
                      cross join lateral (select seq, hash from audit_event a where a.tenant_id = c.id
                                           order by seq desc limit 1) h
                     where c.id is not null
                    union all
                    select null, null, null, statement_timestamp()""")) {
                Map<UUID, Head> heads = new LinkedHashMap<>();
                Instant at = null;
                while (rows.next()) {
                    at = rows.getObject(4, OffsetDateTime.class).toInstant();
                    UUID chain = rows.getObject(1, UUID.class);
                    if (chain != null) {
                        long seq = rows.getLong(2);
                        heads.put(chain, new Head(chain, seq, seq, rows.getString(3)));
                    }
                }
                return new Snapshot(at, heads);
            }
        });
    }

    /** The database's clock now, so that purge records and checkpoints are ordered by one clock. */
    public static Instant databaseTime(Connection db) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery("select clock_timestamp()")) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    // audit_event is under row-level security, its owner included: read every chain as the platform, read-only
    private static <T> T inPlatformScope(Connection db, Work<T> work) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            try (Statement bind = db.createStatement()) {
                bind.execute("set transaction read only");
                bind.execute("select bind_scope(null, true, null)"); // the signed platform binding (V13)
            }
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Writing checkpoints

    /** One line of a checkpoint file. */
    public record Record(String type, Instant at, String node, UUID chain, long seq, long count, String hash) {

        static Record head(Instant at, String node, Head head) {
            return new Record("head", at, node, head.chain(), head.seq(), head.count(), head.hash());
        }

        static Record purge(Instant at, String node, UUID chain) {
            return new Record("purge", at, node, chain, -1, -1, null);
        }

        boolean isHead() {
            return "head".equals(type);
        }

        String body() {
            return String.join("\t", type, at.toString(), node, chain.toString(),
                    isHead() ? Long.toString(seq) : NONE, isHead() ? Long.toString(count) : NONE,
                    isHead() ? hash : NONE);
        }

        static Record parse(String body) {
            String[] f = body.split("\t", -1);
            if (f.length != 7 || !(f[0].equals("head") || f[0].equals("purge"))) {
                throw new IllegalArgumentException("not a checkpoint record");
            }
            boolean head = f[0].equals("head");
            return new Record(f[0], Instant.parse(f[1]), f[2], UUID.fromString(f[3]),
                    head ? Long.parseLong(f[4]) : -1, head ? Long.parseLong(f[5]) : -1, head ? f[6] : null);
        }
    }

    /**
     * Appends signed records to this node's checkpoint file, remembering the heads it last wrote so that it writes
     * only chains whose head moved on. A head that went back (fewer entries, or another hash at the same entry) is
     * never recorded: the old checkpoint stands, and {@link #verify} reports the chain.
     */
    public final class Writer {

        private final String node;
        private final Path file;
        private final Map<UUID, Head> written = new HashMap<>();
        private final Set<String> reported = new HashSet<>();
        private final Set<UUID> purged = new HashSet<>();
        private String lastMac;

        Writer(String node) {
            this.node = sanitize(node);
            this.file = dir.resolve(FILE_PREFIX + this.node + FILE_SUFFIX);
        }

        public Path file() {
            return file;
        }

        /**
         * Checkpoints the chains whose head changed since this writer's last checkpoint (all of them the first time).
         * Returns what happened, for the log: the records written, and the chains that went back or vanished (each
         * once per writer, not again at every checkpoint while it lasts).
         */
        public synchronized Outcome checkpoint(Snapshot snapshot) throws IOException {
            List<Record> records = new ArrayList<>();
            List<String> regressions = new ArrayList<>();
            for (Head head : snapshot.heads().values()) {
                if (purged.contains(head.chain())) {
                    continue; // read before its purge committed: its last checkpoint stands, the purge covers it
                }
                Head before = written.get(head.chain());
                if (before == null || head.seq() > before.seq()) {
                    records.add(Record.head(snapshot.at(), node, head));
                } else if (head.seq() < before.seq() || !head.hash().equals(before.hash())) {
                    regressions.add("chain " + head.chain() + " went back from entry " + before.seq() + " to "
                            + head.seq() + (head.seq() == before.seq() ? " with another hash" : ""));
                }
            }
            for (UUID chain : written.keySet()) {
                if (!snapshot.heads().containsKey(chain)) {
                    regressions.add("chain " + chain + " is gone without a purge");
                }
            }
            append(records);
            for (Record record : records) {
                written.put(record.chain(), new Head(record.chain(), record.seq(), record.count(), record.hash()));
            }
            return new Outcome(records.size(), regressions.stream().filter(reported::add).toList());
        }

        /** Records that the server itself deleted a chain (an offboarded tenant's purge) at this database time. */
        public synchronized void purged(UUID chain, Instant at) throws IOException {
            append(List.of(Record.purge(at, node, chain)));
            written.remove(chain);
            purged.add(chain);
        }

        private void append(List<Record> records) throws IOException {
            if (records.isEmpty()) {
                return;
            }
            Files.createDirectories(dir);
            if (lastMac == null) {
                lastMac = lastMac(file);
            }
            StringBuilder lines = new StringBuilder();
            String mac = lastMac;
            for (Record record : records) {
                String body = record.body();
                mac = mac(mac, body);
                lines.append(body).append('\t').append(mac).append('\n');
            }
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            lastMac = mac;
        }
    }

    /** What one checkpoint did. */
    public record Outcome(int written, List<String> regressions) {
    }

    /** A writer of this node's checkpoint file; {@code node} names the file (a host and server, or the CLI). */
    public Writer writer(String node) {
        return new Writer(node);
    }

    // the mac of a file's last complete line: the next line chains to it
    private static String lastMac(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = Math.max(0, length - 65536);
            byte[] tail = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return "";
            }
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(start, end);
            int tab = line.lastIndexOf('\t');
            return tab < 0 ? "" : line.substring(tab + 1);
        }
    }

    static String sanitize(String node) {
        String safe = node.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "node" : safe;
    }

    private String mac(String previous, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal((previous + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Verifying

    /** Something that does not match: a chain (null for a checkpoint file's own problem), an entry, what is wrong. */
    public record Problem(UUID chain, Long seq, String problem) {
        @Override
        public String toString() {
            return (chain == null ? "checkpoints" : chain.toString()) + " " + (seq == null ? "-" : seq) + " "
                    + problem;
        }
    }

    /**
     * The result of a verification: how many checkpoint records in how many files were checked, the newest
     * checkpoint's time (none without checkpoints), how many chains they cover, and every problem found.
     */
    public record Report(int records, int files, Optional<Instant> newest, int chains, int purged,
                         List<Problem> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks every checkpoint's signature, then that each checkpointed chain still holds every checkpointed entry
     * with the same hash, is no shorter than its newest checkpoint, and exists unless a signed purge record of it
     * is newer than its newest checkpoint.
     */
    public Report verify(Connection db) throws IOException, SQLException {
        List<Problem> problems = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        List<Path> files = files(dir);
        for (Path file : files) {
            read(file, records, problems);
        }
        Map<UUID, List<Record>> heads = new TreeMap<>();
        Map<UUID, Instant> purges = new HashMap<>();
        Instant newest = null;
        for (Record record : records) {
            if (record.isHead()) {
                heads.computeIfAbsent(record.chain(), c -> new ArrayList<>()).add(record);
                newest = newest == null || record.at().isAfter(newest) ? record.at() : newest;
            } else {
                purges.merge(record.chain(), record.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        int purged = 0;
        if (!heads.isEmpty()) {
            Map<UUID, long[]> chains = chainSizes(db);
            for (Map.Entry<UUID, List<Record>> chain : heads.entrySet()) {
                UUID id = chain.getKey();
                List<Record> checkpoints = chain.getValue();
                Record top = checkpoints.stream().max(Comparator.comparingLong(Record::seq)
                        .thenComparing(Record::at)).orElseThrow();
                Instant last = checkpoints.stream().map(Record::at).max(Comparator.naturalOrder()).orElseThrow();
                long[] size = chains.get(id);
                if (size == null) {
                    Instant purge = purges.get(id);
                    if (purge != null && !purge.isBefore(last)) {
                        purged++;
                    } else {
                        problems.add(new Problem(id, top.seq(), "the whole chain was deleted (checkpointed up to"
                                + " entry " + top.seq() + " at " + top.at() + ", and no purge of it was recorded)"));
                    }
                    continue;
                }
                long maxSeq = size[0];
                long count = size[1];
                if (maxSeq < top.seq()) {
                    problems.add(new Problem(id, maxSeq + 1, "entries " + (maxSeq + 1) + " to " + top.seq()
                            + " were deleted (the chain ends at entry " + maxSeq + "; checkpointed up to entry "
                            + top.seq() + " at " + top.at() + ")"));
                }
                if (count < top.count()) {
                    problems.add(new Problem(id, null, "the chain has " + count + " entries, fewer than the "
                            + top.count() + " checkpointed at " + top.at()));
                }
                Map<Long, String> stored = hashes(db, id, checkpoints.stream().mapToLong(Record::seq).distinct()
                        .filter(seq -> seq <= maxSeq).toArray());
                checkpoints.stream().filter(r -> r.seq() <= maxSeq).sorted(Comparator.comparingLong(Record::seq))
                        .filter(r -> !r.hash().equals(stored.get(r.seq()))).findFirst()
                        .ifPresent(r -> problems.add(new Problem(id, r.seq(), stored.get(r.seq()) == null
                                ? "entry " + r.seq() + " was deleted (checkpointed at " + r.at() + ")"
                                : "entry " + r.seq() + " no longer has the hash checkpointed at " + r.at()
                                + ": it or an entry before it was rewritten")));
            }
        }
        return new Report(records.size(), files.size(), Optional.ofNullable(newest), heads.size() - purged, purged,
                problems);
    }

    /** Whether this folder holds any checkpoint file. */
    public static boolean hasCheckpoints(Path dir) throws IOException {
        return !files(dir).isEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(FILE_PREFIX) && name.endsWith(FILE_SUFFIX) && Files.isRegularFile(p);
            }).sorted().toList();
        }
    }

    // reads a file's records whose signature verifies; each line that does not is a problem, and is not trusted
    private void read(Path file, List<Record> records, List<Problem> problems) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (UncheckedIOException | IOException e) {
            problems.add(new Problem(null, null, file.getFileName() + " cannot be read: " + e.getMessage()));
            return;
        }
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file.getFileName() + " line " + (i + 1);
            int tab = line.lastIndexOf('\t');
            if (tab < 0) {
                problems.add(new Problem(null, null, where + " is not a checkpoint record"));
                continue;
            }
            String body = line.substring(0, tab);
            String claimed = line.substring(tab + 1);
            boolean signed = MessageDigest.isEqual(mac(previous, body).getBytes(StandardCharsets.US_ASCII),
                    claimed.getBytes(StandardCharsets.US_ASCII));
            previous = claimed;
            if (!signed) {
                problems.add(new Problem(null, null, where + ": the signature does not verify (the line was forged"
                        + " or edited, a line before it was removed, or it was signed with another key)"));
                continue;
            }
            try {
                records.add(Record.parse(body));
            } catch (RuntimeException e) {
                problems.add(new Problem(null, null, where + " is not a checkpoint record"));
            }
        }
    }

    // each chain's last seq and entry count
    private static Map<UUID, long[]> chainSizes(Connection db) throws SQLException {
        return inPlatformScope(db, () -> {
            Map<UUID, long[]> sizes = new HashMap<>();
            try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(
                    "select tenant_id, max(seq), count(*) from audit_event group by tenant_id")) {
                while (rows.next()) {
                    sizes.put(rows.getObject(1, UUID.class), new long[] {rows.getLong(2), rows.getLong(3)});
                }
            }
            return sizes;
        });
    }

    private static Map<Long, String> hashes(Connection db, UUID chain, long[] seqs) throws SQLException {
        if (seqs.length == 0) {
            return Map.of();
        }
        return inPlatformScope(db, () -> {
            Map<Long, String> hashes = new HashMap<>();
            try (PreparedStatement query = db.prepareStatement(
                    "select seq, hash from audit_event where tenant_id = ? and seq = any(?)")) {
                Array array = db.createArrayOf("bigint", LongStream.of(seqs).boxed().toArray());
                query.setObject(1, chain);
                query.setArray(2, array);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        hashes.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
            return hashes;
        });
    }
}
