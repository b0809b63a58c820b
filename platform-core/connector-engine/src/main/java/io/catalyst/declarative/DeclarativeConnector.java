package io.catalyst.declarative;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.Connector;
import io.catalyst.api.connect.ConnectorSession;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.RecordSink;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.host.HttpResult;
import io.catalyst.api.settings.SettingField;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A connector run from a YAML manifest (see {@code docs/connectors.md}); made by {@link ConnectorManifests#load}.
 *
 * <p>Cursors it checkpoints are JSON objects:
 * <ul>
 *   <li>daily streams: {@code {"account":"A","from":"2026-11-01","page":"3"}}: go on with account {@code A} (accounts
 *   before it in the read's list are done) at the chunk starting {@code from}, at the page state {@code page}
 *   (absent: the chunk's first page). Dates are ISO whatever the provider's format. A stream with {@code levels}
 *   adds {@code "level":"ad"}: the chunk's levels before it are done.</li>
 *   <li>cursor streams: {@code {"marks":{"A":"2026-11-20T10:00:00Z"},"since":{...},"account":"B","page":"..."}}:
 *   {@code marks} holds, per account, the highest {@code cursor_field} value read; {@code since} the values the
 *   interrupted run started from (absent once a run completed: the next run starts from {@code marks});
 *   {@code account}/{@code page} where an interrupted run stopped.</li>
 * </ul>
 * A page state is the next page number (page), offset (offset) or token (cursor).
 */
public final class DeclarativeConnector implements Connector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Spec.Manifest manifest;
    private final List<StreamSpec> streams;
    private final ErrorRules errorRules;

    DeclarativeConnector(Spec.Manifest manifest) {
        this.manifest = manifest;
        this.streams = manifest.streams().stream().map(s -> new StreamSpec(s.name(), s.sync())).toList();
        this.errorRules = new ErrorRules(manifest.id(), manifest.errors());
    }

    @Override
    public String id() {
        return manifest.id();
    }

    @Override
    public String displayName() {
        return manifest.name();
    }

    @Override
    public String category() {
        return manifest.category();
    }

    @Override
    public AuthSpec auth() {
        return manifest.auth();
    }

    @Override
    public URI baseUrl() {
        return manifest.baseUrl();
    }

    @Override
    public List<StreamSpec> streams() {
        return streams;
    }

    @Override
    public int mappingVersion() {
        return manifest.mappingVersion();
    }

    @Override
    public List<String> platformSettings() {
        return manifest.platformSettings();
    }

    @Override
    public List<SettingField> connectionSettings() {
        return manifest.settings();
    }

    /** The manifest's own {@code errors} rules, for every answer: rate limits in a 200 count as a 429 does. */
    @Override
    public Optional<ProviderException> classify(HttpResult answer, ConnectorSession session) {
        return errorRules.verdict(answer);
    }

    @Override
    public List<ProviderAccount> accounts(ConnectorSession session) {
        Spec.Accounts spec = manifest.accounts();
        if (spec == null) {
            return List.of();
        }
        List<ProviderAccount> accounts = new ArrayList<>();
        Function<String, String> vars = name -> settingOrNull(session, name);
        fetch(session, spec.request(), spec.paginator(), spec.selector(), spec.errors(), vars, null, null,
                (records, next) -> {
                    for (JsonNode record : records) {
                        String id = textOf(spec.id(), record, vars);
                        if (id != null) {
                            accounts.add(new ProviderAccount(id, textOf(spec.name(), record, vars),
                                    textOf(spec.currency(), record, vars), textOf(spec.timezone(), record, vars)));
                        }
                    }
                });
        return List.copyOf(accounts);
    }

    @Override
    public void read(ConnectorSession session, StreamRead read, RecordSink sink) {
        Spec.Stream stream = manifest.streams().stream().filter(s -> s.name().equals(read.stream())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id() + " has no stream " + read.stream()));
        Run run = new Run(session, stream, sink);
        List<String> accounts = read.accounts().isEmpty() ? List.of("") : read.accounts();
        if (stream.sync() == StreamSpec.Sync.DAILY) {
            run.daily(read, accounts);
        } else {
            run.cursor(read, accounts);
        }
    }

    /** One read: the stream, its mapper, and the account details looked up on demand. */
    private final class Run {

        private final ConnectorSession session;
        private final Spec.Stream stream;
        private final RecordSink sink;
        private final RecordMapper mapper;
        private Map<String, ProviderAccount> accountDetails;

        Run(ConnectorSession session, Spec.Stream stream, RecordSink sink) {
            this.session = session;
            this.stream = stream;
            this.sink = sink;
            this.mapper = new RecordMapper(stream);
        }

        void daily(StreamRead read, List<String> accounts) {
            LocalDate yesterday = session.today().minusDays(1);
            LocalDate from = read.from() == null ? yesterday : read.from();
            LocalDate to = read.to() == null ? yesterday : read.to();
            JsonNode resume = parseCursor(read.cursor().orElse(null));
            int first = resume.has("account") ? Math.max(0, accounts.indexOf(resume.get("account").asText())) : 0;
            if (resume.has("account") && !accounts.contains(resume.get("account").asText())) {
                resume = MissingNode.getInstance(); // a cursor of another account list: start over
            }
            // one pass for a stream without levels; with levels, each chunk is read at every level in turn
            List<Map<String, String>> levels = stream.levels().isEmpty() ? List.of(Map.of()) : stream.levels();
            DateTimeFormatter format = DateTimeFormatter.ofPattern(stream.dateFormat());
            for (int i = first; i < accounts.size(); i++) {
                String account = accounts.get(i);
                boolean resuming = i == first && resume.has("from");
                LocalDate start = resuming ? LocalDate.parse(resume.get("from").asText(), ISO) : from;
                String page = resuming ? textOrNull(resume.get("page")) : null;
                int firstLevel = 0;
                if (resuming && resume.has("level")) {
                    firstLevel = levelIndex(levels, resume.get("level").asText());
                    if (firstLevel < 0) { // a level the manifest no longer has: read the chunk's levels again
                        firstLevel = 0;
                        page = null;
                    }
                }
                while (!start.isAfter(to)) {
                    LocalDate chunkFrom = start;
                    LocalDate chunkTo = min(chunkFrom.plusDays(stream.chunkDays() - 1L), to);
                    for (int l = firstLevel; l < levels.size(); l++) {
                        Map<String, String> level = levels.get(l);
                        String nextLevel = l + 1 < levels.size() ? levels.get(l + 1).get("level") : null;
                        Function<String, String> vars = vars(account, chunkFrom, chunkTo, format, null, level);
                        fetch(session, stream.request(), stream.paginator(), stream.selector(), stream.errors(),
                                vars, limitKey(account), page, (records, next) -> {
                                    records.forEach(r -> map(r, vars));
                                    boolean chunkDone = next == null && nextLevel == null;
                                    Map<String, Object> cursor = new LinkedHashMap<>();
                                    cursor.put("account", account);
                                    cursor.put("from", (chunkDone ? chunkTo.plusDays(1) : chunkFrom).format(ISO));
                                    if (!chunkDone && level.containsKey("level")) {
                                        cursor.put("level", next != null ? level.get("level") : nextLevel);
                                    }
                                    if (next != null) {
                                        cursor.put("page", next);
                                    }
                                    sink.checkpoint(write(cursor));
                                });
                        page = null;
                    }
                    firstLevel = 0;
                    start = chunkTo.plusDays(1);
                }
            }
        }

        void cursor(StreamRead read, List<String> accounts) {
            JsonNode resume = parseCursor(read.cursor().orElse(null));
            Map<String, String> marks = stringMap(resume.path("marks"));
            Map<String, String> since = resume.has("since") ? stringMap(resume.get("since")) : new HashMap<>(marks);
            String stoppedAt = textOrNull(resume.get("account"));
            int first = stoppedAt == null ? 0 : Math.max(0, accounts.indexOf(stoppedAt));
            for (int i = first; i < accounts.size(); i++) {
                String account = accounts.get(i);
                String nextAccount = i + 1 < accounts.size() ? accounts.get(i + 1) : null;
                String page = i == first && account.equals(stoppedAt) ? textOrNull(resume.get("page")) : null;
                String from = since.getOrDefault(account, stream.cursorStart());
                Function<String, String> vars = vars(account, null, null, null, from, Map.of());
                fetch(session, stream.request(), stream.paginator(), stream.selector(), stream.errors(), vars,
                        limitKey(account), page, (records, next) -> {
                            for (JsonNode record : records) {
                                map(record, vars);
                                String value = JsonPaths.text(record, stream.cursorField());
                                if (value != null && later(value, marks.get(account))) {
                                    marks.put(account, value);
                                }
                            }
                            Map<String, Object> cursor = new LinkedHashMap<>();
                            cursor.put("marks", marks);
                            if (next != null || nextAccount != null) {
                                cursor.put("since", since);
                                cursor.put("account", next != null ? account : nextAccount);
                                if (next != null) {
                                    cursor.put("page", next);
                                }
                            }
                            sink.checkpoint(write(cursor));
                        });
            }
        }

        private void map(JsonNode record, Function<String, String> vars) {
            try {
                mapper.map(record, vars, sink);
            } catch (RecordMapper.Unmappable e) {
                sink.quarantine(record.toString(), e.getMessage());
            } catch (NullPointerException | IllegalArgumentException e) {
                sink.quarantine(record.toString(), "could not be mapped: " + e.getMessage());
            }
        }

        private Function<String, String> vars(String account, LocalDate from, LocalDate to, DateTimeFormatter format,
                                              String cursor, Map<String, String> level) {
            return name -> {
                if (Templates.isLevel(name)) {
                    return level.get(name.equals("level") ? "level" : name.substring("level.".length()));
                }
                switch (name) {
                    case "account": return account;
                    case "from": return from == null ? null : from.format(format);
                    case "to": return to == null ? null : to.format(format);
                    case "from.year": return from == null ? null : String.valueOf(from.getYear());
                    case "from.month": return from == null ? null : String.valueOf(from.getMonthValue());
                    case "from.day": return from == null ? null : String.valueOf(from.getDayOfMonth());
                    case "to.year": return to == null ? null : String.valueOf(to.getYear());
                    case "to.month": return to == null ? null : String.valueOf(to.getMonthValue());
                    case "to.day": return to == null ? null : String.valueOf(to.getDayOfMonth());
                    case "cursor": return cursor;
                    case "account.currency": return detail(account, true);
                    case "account.timezone": return detail(account, false);
                    default: return settingOrNull(session, name);
                }
            };
        }

        /** An account's currency or time zone, listed once per run: reports often leave them out. */
        private String detail(String account, boolean currency) {
            if (accountDetails == null) {
                accountDetails = new HashMap<>();
                accounts(session).forEach(a -> accountDetails.put(a.id(), a));
            }
            ProviderAccount found = accountDetails.get(account);
            String fromSettings = session.settings().get(currency ? "currency" : "timezone");
            if (found == null) {
                return fromSettings;
            }
            String value = currency ? found.currency() : found.timezone();
            return value == null ? fromSettings : value;
        }
    }

    /** Receives each page's records and the state of the page after it (null after the last). */
    private interface PageHandler {
        void page(List<JsonNode> records, String next);
    }

    /** Sends the request page by page, classifying errors by the rules, until the paginator says it is done. */
    private void fetch(ConnectorSession session, Spec.Request request, Spec.Paginator paginator, String selector,
                       List<Spec.ErrorRule> rules, Function<String, String> vars, String limitKey, String state,
                       PageHandler handler) {
        Paging paging = Paging.of(paginator);
        String page = state;
        while (true) {
            HttpResult result = session.send(Requests.build(session.baseUrl(), request, paging, vars, page),
                    limitKey);
            JsonNode body = parseBody(result);
            Spec.Action action = errorRules.classify(result, body, rules);
            if (action == Spec.Action.IGNORE) {
                handler.page(List.of(), null);
                return;
            }
            List<JsonNode> records = new ArrayList<>();
            JsonNode selected = JsonPaths.at(body, selector);
            if (selected.isArray()) {
                selected.forEach(records::add);
            } else if (selected.isObject()) {
                records.add(selected);
            }
            String next = paging.next(page, body, records.size());
            handler.page(records, next);
            if (next == null || next.equals(page)) {
                return;
            }
            page = next;
        }
    }

    /** An answer's body as JSON; {@link MissingNode} when it is empty or not JSON. */
    static JsonNode parseBody(HttpResult result) {
        if (result.body() == null || result.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(result.body());
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String textOf(Spec.Field field, JsonNode record, Function<String, String> vars) {
        if (field == null) {
            return null;
        }
        try {
            return (String) RecordMapper.convert("account", field, RecordMapper.Type.TEXT, record, vars);
        } catch (RecordMapper.Unmappable e) {
            return null;
        }
    }

    private static String settingOrNull(ConnectorSession session, String name) {
        return name.startsWith("settings.") ? session.settings().get(name.substring("settings.".length())) : null;
    }

    /** Where a level is in the stream's list; -1 when the cursor names none (or one the manifest no longer has). */
    private static int levelIndex(List<Map<String, String>> levels, String name) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).get("level") != null && levels.get(i).get("level").equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String limitKey(String account) {
        return account.isEmpty() ? null : account;
    }

    /** Compares cursor values as numbers when both are, else as text (ISO timestamps sort as text). */
    private static boolean later(String value, String mark) {
        if (mark == null) {
            return true;
        }
        try {
            return new BigDecimal(value).compareTo(new BigDecimal(mark)) > 0;
        } catch (NumberFormatException e) {
            return value.compareTo(mark) > 0;
        }
    }

    private static JsonNode parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(cursor);
            return node != null && node.isObject() ? node : MissingNode.getInstance();
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance(); // not ours: start over rather than fail every run
        }
    }

    private static String write(Map<String, Object> cursor) {
        try {
            return JSON.writeValueAsString(cursor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
