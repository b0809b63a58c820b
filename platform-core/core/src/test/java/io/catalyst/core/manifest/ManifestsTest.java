package io.catalyst.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    private static final String FULL = """
            apiVersion: catalyst/v1
            kind: Tenant
            slug: northwind
            profile:
              name: Northwind Traders
              primaryColor: "#0a7d5a"
            locale:
              timezone: Europe/Berlin
              currency: EUR
            plan:
              name: growth
              quotas: {users: 40, connections: 30, aiCredits: 5000}
            goals:
              targetCpa: 42.5
              targetRoas: 4
              monthlyBudget: 120000
            roles:
              - name: media-buyer
                description: Runs the paid channels
                permissions: [dashboards:read, connections:manage]
            users:
              - email: Ops@Northwind.example
                name: Olivia Ops
                roles: [tenant-admin]
              - email: buyer@northwind.example
                roles: [media-buyer]
            plugins:
              - id: meta-ads
                settings: {lookbackDays: 28}
            """;

    @Test
    void readsEveryPartOfAManifest() {
        TenantManifest manifest = Manifests.read(FULL);

        assertThat(manifest.slug()).isEqualTo("northwind");
        assertThat(manifest.profile().primaryColor()).isEqualTo("#0a7d5a");
        assertThat(manifest.locale().timezone()).isEqualTo("Europe/Berlin");
        assertThat(manifest.plan().quotas().aiCredits()).isEqualTo(5000);
        assertThat(manifest.goals().targetCpa()).isEqualByComparingTo(new BigDecimal("42.5"));
        assertThat(manifest.roles()).singleElement().satisfies(role ->
                assertThat(role.permissions()).containsExactly("dashboards:read", "connections:manage"));
        assertThat(manifest.users()).extracting(TenantManifest.User::email)
                .containsExactly("Ops@Northwind.example", "buyer@northwind.example");
        assertThat(manifest.plugins().get(0).settings()).containsEntry("lookbackDays", 28);
    }

    @Test
    void writesWhatItReads() {
        TenantManifest manifest = Manifests.read(FULL);

        String written = Manifests.write(manifest);

        assertThat(Manifests.read(written)).isEqualTo(manifest);
        assertThat(written).startsWith("apiVersion: catalyst/v1\nkind: Tenant\nslug: northwind\n")
                .doesNotContain("null");
    }

    @Test
    void namesEveryMistakeWithItsPath() {
        String broken = """
                apiVersion: catalyst/v2
                kind: Tenant
                slug: Not A Slug
                profile:
                  primaryColor: red
                locale: {timezone: Mars/Olympus, currency: EUR}
                users:
                  - email: not-an-email
                    roles: [viewer]
                    shoeSize: 44
                """;

        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> Manifests.read(broken));

        assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).contains("apiVersion", "slug",
                "profile.name", "profile.primaryColor", "users[0].email", "users[0].shoeSize");
        assertThat(problem.errors()).filteredOn(e -> e.field().equals("apiVersion"))
                .extracting(Problem.FieldError::message).containsExactly("must be catalyst/v1");
        assertThat(problem.errors()).filteredOn(e -> e.field().equals("profile.name"))
                .extracting(Problem.FieldError::message).containsExactly("required");
        problem.errors().forEach(error -> assertThat(error.message()).doesNotStartWith("$"));
    }

    @Test
    void checksWhatTheSchemaCannot() {
        String manifest = """
                apiVersion: catalyst/v1
                kind: Tenant
                slug: acme
                profile: {name: Acme}
                locale: {timezone: Mars/Olympus, currency: XYZ}
                users:
                  - {email: a@acme.example, roles: [viewer]}
                  - {email: A@acme.example, roles: [analyst]}
                """;

        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> Manifests.read(manifest));

        assertThat(problem.errors()).extracting(Problem.FieldError::field)
                .containsExactly("locale.timezone", "locale.currency", "users[1].email");
    }

    @Test
    void malformedYamlSaysWhere() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> Manifests.read("slug: acme\nprofile: {name: Acme\n"));

        assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(problem.getMessage()).contains("line");
    }

    @Test
    void duplicateKeysAreRefusedNotSilentlyMerged() {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> Manifests.read("slug: acme\nslug: other\n"));

        assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(problem.getMessage()).contains("slug");
    }

    @Test
    void emptyAndNonMappingManifestsAreRefused() {
        assertThat(catchThrowableOfType(ProblemException.class, () -> Manifests.read("  ")).type())
                .isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(catchThrowableOfType(ProblemException.class, () -> Manifests.read("- a\n- b\n")).getMessage())
                .contains("mapping");
        assertThat(catchThrowableOfType(ProblemException.class, () -> Manifests.read("x: " + "a".repeat(300_000)))
                .getMessage()).contains("KiB");
    }

    @Test
    void aBodyOfSeveralDocumentsIsRefusedRatherThanHalfApplied() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> Manifests.read(FULL + "---\n" + FULL.replace("northwind", "southwind")));

        assertThat(refused.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(refused.getMessage()).contains("more than one YAML document");
    }

    @Test
    void textsWithControlCharactersOrOverLongEmailsAreRefusedWithTheirPath() {
        String nul = FULL.replace("name: Northwind Traders", "name: \"North\\0wind\"");
        String longEmail = FULL.replace("buyer@northwind.example", "b".repeat(300) + "@northwind.example");

        ProblemException refusedNul = catchThrowableOfType(ProblemException.class, () -> Manifests.read(nul));
        ProblemException refusedEmail = catchThrowableOfType(ProblemException.class, () -> Manifests.read(longEmail));

        assertThat(refusedNul.errors()).extracting(Problem.FieldError::field).contains("profile.name");
        assertThat(refusedNul.errors()).extracting(Problem.FieldError::message).contains("no NUL characters");
        assertThat(refusedEmail.errors()).extracting(Problem.FieldError::field).contains("users[1].email");
    }
}
