package io.catalyst.core.metrics;

import io.catalyst.core.database.SchemaReady;
import io.catalyst.core.tenancy.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's daily exchange rates. The operator supplies a CSV file ({@code catalyst.fx.rates-file}) with the
 * columns {@code date,currency,per_eur} (units of the currency per euro, as the ECB publishes them); it is loaded at
 * every start, and rows already stored are replaced. A day without a rate (a weekend, a holiday) uses the latest
 * earlier rate, up to {@link #MAX_STALE_DAYS} days back; beyond that a figure cannot be converted.
 */
@ApplicationScoped
public class FxRates {

    private static final Logger LOG = Logger.getLogger(FxRates.class.getName());
    static final int MAX_STALE_DAYS = 7;

    @Inject
    Scopes scopes;

    @Inject
    @ConfigProperty(name = "catalyst.fx.rates-file")
    Optional<String> file;

    /** A rate from one currency into another on each day; days missing have no usable rate. */
    public record Factors(String from, String to, Map<LocalDate, BigDecimal> byDay, boolean staleUsed) {
    }

    void onSchemaReady(@Observes SchemaReady ready) {
        if (file.isEmpty() || file.get().isBlank()) {
            return;
        }
        Path path = Path.of(file.get());
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            List<Rate> rates = parse(in);
            int stored = scopes.platform(em -> store(em.unwrap(Connection.class), rates));
            LOG.info(() -> "Loaded " + stored + " exchange rates from " + path);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning(() -> "Exchange rates not loaded from " + path + ": " + e.getMessage()
                    + "; figures in other currencies than a company's come per currency");
        }
    }

    record Rate(String currency, LocalDate day, BigDecimal perEur) {
    }

    /** Reads the rate file; a malformed line fails the whole file, naming the line, so no half-loaded table. */
    static List<Rate> parse(Reader in) throws IOException {
        List<Rate> rates = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').build();
        for (CSVRecord row : format.parse(in)) {
            try {
                String currency = row.get("currency").toUpperCase(java.util.Locale.ROOT);
                if (!currency.matches("[A-Z]{3}")) {
                    throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 code");
                }
                BigDecimal perEur = new BigDecimal(row.get("per_eur"));
                if (perEur.signum() <= 0) {
                    throw new IllegalArgumentException("a rate must be above zero");
                }
                rates.add(new Rate(currency, LocalDate.parse(row.get("date")), perEur));
            } catch (DateTimeParseException | IllegalArgumentException | IllegalStateException e) {
                throw new IllegalArgumentException("line " + (row.getRecordNumber() + 1) + ": " + e.getMessage(), e);
            }
        }
        return rates;
    }

    static int store(Connection c, List<Rate> rates) {
        try (PreparedStatement upsert = c.prepareStatement("insert into fx_rate (currency, day, per_eur)"
                + " values (?, ?, ?) on conflict (currency, day) do update set per_eur = excluded.per_eur")) {
            for (Rate rate : rates) {
                upsert.setString(1, rate.currency());
                upsert.setDate(2, Date.valueOf(rate.day()));
                upsert.setBigDecimal(3, rate.perEur());
                upsert.addBatch();
            }
            upsert.executeBatch();
            return rates.size();
        } catch (SQLException e) {
            throw new IllegalStateException("storing exchange rates failed: " + e.getMessage(), e);
        }
    }

    /**
     * The factor that turns an amount in {@code from} into {@code to} on each day of the range: the days that have
     * one. Reads on the caller's connection (the rate table is not tenant data).
     */
    static Factors factors(Connection c, String from, String to, LocalDate first, LocalDate last) throws SQLException {
        if (from.equals(to)) {
            Map<LocalDate, BigDecimal> ones = new HashMap<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                ones.put(d, BigDecimal.ONE);
            }
            return new Factors(from, to, ones, false);
        }
        Map<String, TreeMap<LocalDate, BigDecimal>> rates = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("select currency, day, per_eur from fx_rate"
                + " where currency = any (?) and day between ? and ?")) {
            q.setArray(1, c.createArrayOf("text", Set.of(from, to).stream().filter(x -> !"EUR".equals(x))
                    .toArray()));
            q.setDate(2, Date.valueOf(first.minusDays(MAX_STALE_DAYS)));
            q.setDate(3, Date.valueOf(last));
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    rates.computeIfAbsent(row.getString(1), k -> new TreeMap<>())
                            .put(row.getDate(2).toLocalDate(), row.getBigDecimal(3));
                }
            }
        }
        Map<LocalDate, BigDecimal> byDay = new HashMap<>();
        boolean stale = false;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Map.Entry<LocalDate, BigDecimal> a = perEur(rates, from, d);
            Map.Entry<LocalDate, BigDecimal> b = perEur(rates, to, d);
            if (a == null || b == null) {
                continue;
            }
            stale |= !a.getKey().equals(d) || !b.getKey().equals(d);
            byDay.put(d, b.getValue().divide(a.getValue(), MathContext.DECIMAL64));
        }
        return new Factors(from, to, byDay, stale);
    }

    // the latest rate on or before the day, at most MAX_STALE_DAYS old; the euro is 1 by definition
    private static Map.Entry<LocalDate, BigDecimal> perEur(Map<String, TreeMap<LocalDate, BigDecimal>> rates,
                                                           String currency, LocalDate day) {
        if ("EUR".equals(currency)) {
            return Map.entry(day, BigDecimal.ONE);
        }
        TreeMap<LocalDate, BigDecimal> series = rates.get(currency);
        Map.Entry<LocalDate, BigDecimal> hit = series == null ? null : series.floorEntry(day);
        return hit == null || hit.getKey().isBefore(day.minusDays(MAX_STALE_DAYS)) ? null : hit;
    }
}
