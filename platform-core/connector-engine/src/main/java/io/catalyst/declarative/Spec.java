package io.catalyst.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalyst.api.connect.AuthSpec;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.settings.SettingField;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A connector manifest once checked: what {@link DeclarativeConnector} runs. Built by {@link ConnectorManifests}. */
final class Spec {

    private Spec() {
    }

    /** The whole manifest. */
    record Manifest(String id, String name, String category, URI baseUrl, int mappingVersion, AuthSpec auth,
                    List<String> platformSettings, List<SettingField> settings, Accounts accounts,
                    List<ErrorRule> errors, List<Stream> streams) {
    }

    /** One HTTP request; strings may hold {@code {{variables}}}. */
    record Request(String method, String path, Map<String, String> query, Map<String, String> queryRaw,
                   Map<String, String> headers, JsonNode body) {
    }

    /** How to get the next page. */
    record Paginator(PageType type, String param, String tokenPath, String sizeParam, int size, int start,
                     String totalPath, String totalPagesPath) {

        static final Paginator NONE = new Paginator(PageType.NONE, null, null, null, 0, 0, null, null);
    }

    /** Paging styles. */
    enum PageType { CURSOR, OFFSET, PAGE, NONE }

    /** What to do with a response that matches a rule. */
    enum Action { AUTH_EXPIRED, RATE_LIMITED, RETRY, FAIL, IGNORE }

    /** A response status and/or body field value, and what it means. Empty sets match anything. */
    record ErrorRule(Set<Integer> statuses, String field, Set<String> equals, Set<String> notEquals, Action action,
                     String retryAfterPath, String messagePath) {
    }

    /** How one target value is taken from a record. */
    record Field(String path, String constant, String template, List<String> concat, String separator,
                 boolean number, BigDecimal divide, String datePattern, boolean dateParts, String afterLast,
                 String defaultValue, boolean required) {

        static Field path(String path) {
            return new Field(path, null, null, null, "", false, null, null, false, null, null, false);
        }
    }

    /** How to list the accounts a credential reaches. */
    record Accounts(Request request, String selector, Paginator paginator, List<ErrorRule> errors, Field id,
                    Field name, Field currency, Field timezone) {
    }

    /** Canonical record kinds. */
    enum Kind { INSIGHT, ENTITY, CONTACT, DEAL, CALL }

    /**
     * One stream. {@code levels} are the entity levels one report API is read at, each a {@code level} name and the
     * parameters {@code {{level.<name>}}} stands for; empty when the stream is read once.
     */
    record Stream(String name, StreamSpec.Sync sync, Request request, String selector, Paginator paginator,
                  String dateFormat, int chunkDays, String cursorField, String cursorStart, List<ErrorRule> errors,
                  Kind kind, Map<String, Field> fields, Map<String, Field> attributes,
                  List<Map<String, String>> levels) {
    }
}
