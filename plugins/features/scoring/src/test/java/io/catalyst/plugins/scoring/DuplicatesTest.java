package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.plugins.scoring.Duplicates.Basis;
import io.catalyst.plugins.scoring.Duplicates.Match;
import io.catalyst.plugins.scoring.Duplicates.Names;
import io.catalyst.plugins.scoring.Duplicates.Person;
import io.catalyst.plugins.scoring.model.LeadFacts;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicatesTest {

    private static Person person(String name, String company) {
        return new Person(name, company, null, null, null);
    }

    /** Whether a and b match, asserting it does not depend on which is asked about. */
    private static Optional<Match> match(Person a, Person b) {
        Optional<Match> ab = Duplicates.match(a, b);
        Optional<Match> ba = Duplicates.match(b, a);
        assertThat(ba.map(Match::confidence)).as("symmetric").isEqualTo(ab.map(Match::confidence));
        return ab;
    }

    @Test
    void theSameAddressIsTheSamePerson() {
        Person a = new Person("Ada Lovelace", "Helix", "Ada.Lovelace+news@GMAIL.com", null, null);
        Person b = new Person("Ada King", null, "adalovelace@gmail.com", null, null);
        assertThat(match(a, b)).hasValue(new Match(1.0, Basis.EMAIL, "Same email address as Ada King"));
    }

    @Test
    void aTeamsInboxIsNotAPerson() {
        Person a = new Person("Ada Lovelace", "Helix", "info@helix.example.com", null, null);
        Person b = new Person("Charles Babbage", "Helix", "info@helix.example.com", null, null);
        assertThat(match(a, b)).isEmpty();
        Person c = new Person("Ada Lovelace", "Helix Ltd", "info@helix.example.com", null, null);
        assertThat(match(a, c)).as("but the same name at the company still is").get()
                .extracting(Match::basis).isEqualTo(Basis.NAME);
    }

    @Test
    void theSamePhoneIsVeryLikelyTheSamePerson() {
        Person a = new Person("Anna Müller", "Helix", "anna@helix.example.com", "030 123456", "DE");
        Person b = new Person("A. Mueller", null, "a.mueller@gmail.com", "+49 (30) 123-456", "AT");
        assertThat(match(a, b)).hasValue(new Match(0.9, Basis.PHONE, "Same phone number as A. Mueller"));
        Person noName = new Person(null, null, null, "0049 30 123456", null);
        assertThat(match(a, noName)).hasValue(new Match(0.9, Basis.PHONE, "Same phone number as 0049 30 123456"));
    }

    @Test
    void anOfficeLineSharedByTwoNamesIsNot() {
        Person a = new Person("Anna Müller", "Helix", null, "+49 30 123456", null);
        Person b = new Person("Jonas Weber", "Helix", null, "030 123456", "DE");
        assertThat(match(a, b)).isEmpty();
    }

    @Test
    void theSameNameAtTheSameCompanyWhateverTheSpelling() {
        Optional<Match> m = match(person("Dr. Anna-Maria Müller", "Helix Labs GmbH"),
                person("Anna Maria Mueller", "helix labs"));
        assertThat(m).hasValue(new Match(0.85, Basis.NAME, "Same name at the same company as Anna Maria Mueller"));
        assertThat(match(person("Smith, John", "Acme Corp."), person("John Smith", "ACME Corporation")))
                .get().extracting(Match::confidence).isEqualTo(0.85);
        assertThat(match(person("Smith, John, PhD", "Acme"), person("Mr John Smith", "Acme, Inc.")))
                .get().extracting(Match::confidence).isEqualTo(0.85);
        assertThat(match(person("José García", "Telefónica"), person("Jose Garcia", "Telefonica S.A.")))
                .get().extracting(Match::confidence).isEqualTo(0.85);
        assertThat(match(person("Seán O'Brien", "Helix"), person("Sean OBrien", "The Helix Company")))
                .isPresent();
    }

    @Test
    void aSimilarNameAtTheSameCompany() {
        assertThat(match(person("Ada Lovelace", "Helix"), person("Ada Lovelance", "Helix"))).as("a typo")
                .hasValue(new Match(0.75, Basis.NAME, "Similar name at the same company as Ada Lovelance"));
        assertThat(match(person("John Smith", "Acme"), person("John F. Smith", "Acme"))).as("a middle initial")
                .get().extracting(Match::confidence).isEqualTo(0.75);
        assertThat(match(person("Anna Müller", "Helix Labs"), person("Anna Müller", "Helix Lab")))
                .as("a company mistyped").get().extracting(Match::confidence).isEqualTo(0.75);
        assertThat(match(person("Ada Lovelace", "Helix Labs"), person("Ada Lovelance", "Helix Lab")))
                .as("both").get().extracting(Match::confidence).isEqualTo(0.65);
    }

    @Test
    void theCompanyIsAlsoKnownByAWorkAddress() {
        Person a = new Person("Ada Lovelace", null, "ada@helix.example.com", null, null);
        Person b = new Person("Ada Lovelace", "Helix", "lovelace@helix.example.com", null, null);
        assertThat(match(a, b)).get().extracting(Match::confidence).isEqualTo(0.85);
        Person c = new Person("Ada Lovelace", null, "ada.l@gmail.com", null, null);
        Person d = new Person("Ada Lovelace", null, "lovelace@gmail.com", null, null);
        assertThat(match(c, d)).as("gmail is no company").isEmpty();
    }

    @Test
    void anInitialOnlyAtTheVeryCompany() {
        assertThat(match(person("A. Müller", "Helix GmbH"), person("Anna Müller", "Helix")))
                .hasValue(new Match(0.65, Basis.NAME,
                        "Similar name (by an initial) at the same company as Anna Müller"));
        assertThat(match(person("A. Müller", "Helix Labs"), person("Anna Müller", "Helix Lab"))).isEmpty();
        assertThat(match(person("A. M. Müller", "Helix"), person("Anna Maria Müller", "Helix"))).isEmpty();
        assertThat(match(person("J. Smith", "Acme"), person("J. Smith", "Acme"))).as("J may be John or Jane")
                .get().extracting(Match::confidence).isEqualTo(0.65);
        assertThat(match(person("A. Müller", "Helix"), person("B. Müller", "Helix"))).isEmpty();
    }

    @Test
    void differentPeopleAtTheSameCompanyAreNot() {
        assertThat(match(person("John Smith", "Acme"), person("John Miller", "Acme"))).isEmpty();
        assertThat(match(person("Mark Jones", "Acme"), person("Mary Jones", "Acme"))).isEmpty();
        assertThat(match(person("Daniel Weber", "Helix"), person("Daniela Weber", "Helix"))).isEmpty();
        assertThat(match(person("Christina Bauer", "Helix"), person("Christine Bauer", "Helix"))).isEmpty();
        assertThat(match(person("Michael Klein", "Helix"), person("Michelle Klein", "Helix"))).isEmpty();
        assertThat(match(person("Jan Novak", "Helix"), person("Jana Novak", "Helix"))).isEmpty();
        assertThat(match(person("John Smith Jr", "Acme"), person("John Smith Sr", "Acme"))).isEmpty();
        assertThat(match(person("John Smith", "Acme"), person("John Smithers", "Acme"))).isEmpty();
        assertThat(match(person("Anna", "Helix"), person("Anna", "Helix"))).as("a first name only").isEmpty();
        assertThat(match(person("Anna", "Helix"), person("Anna Müller", "Helix"))).isEmpty();
    }

    @Test
    void theSameNameAtDifferentCompaniesIsNot() {
        assertThat(match(person("John Smith", "Acme"), person("John Smith", "Globex"))).isEmpty();
        assertThat(match(person("Anna Müller", "Siemens"), person("Anna Müller", "Siemens Healthineers")))
                .isEmpty();
        assertThat(match(person("Anna Müller", "Initech"), person("Anna Müller", "Initrode"))).isEmpty();
        assertThat(match(person("Anna Müller", "Helix Labs"), person("Anna Müller", "Helix Bio"))).isEmpty();
        assertThat(match(person("Anna Müller", null), person("Anna Müller", null))).as("nothing to tie them")
                .isEmpty();
    }

    @Test
    void namesCompareWordForWordInAnyOrder() {
        assertThat(Duplicates.nameWords("Smith, John")).containsExactly("john", "smith");
        assertThat(Duplicates.nameWords("Prof. Dr. Jürgen Groß-Weiß")).containsExactly("jurgen", "gross", "weiss");
        assertThat(Duplicates.names("Wang Wei", "Wei Wang")).isEqualTo(Names.SAME);
        assertThat(Duplicates.names("Anna Müller", null)).isEqualTo(Names.COMPATIBLE);
        assertThat(Duplicates.names("Anna", "Bob Smith")).isEqualTo(Names.DIFFERENT);
    }

    @Test
    void keysToFetchCandidatesBy() {
        assertThat(Duplicates.companyKey("Helix Labs GmbH & Co. KG")).isEqualTo("helixlabs")
                .isEqualTo(Duplicates.companyKey(" helix-labs "));
        assertThat(Duplicates.companyKey("The Coca-Cola Company")).isEqualTo("cocacola");
        assertThat(Duplicates.companyKey("Procter & Gamble Co.")).isEqualTo("procterandgamble");
        assertThat(Duplicates.companyKey("Société Générale S.A.")).isEqualTo("societegenerale");
        assertThat(Duplicates.companyKey("AG")).as("nothing but a legal form is still a name").isEqualTo("ag");
        assertThat(Duplicates.companyKey(" ")).isNull();
        assertThat(Duplicates.companyKey("---")).isNull();
        assertThat(Duplicates.companyKey(null)).isNull();

        assertThat(Duplicates.domainKey("Ada@Helix.Example.com")).isEqualTo("helix.example.com");
        assertThat(Duplicates.domainKey("ada@gmail.com")).isNull();
        assertThat(Duplicates.domainKey("ada@mailinator.com")).isNull();
        assertThat(Duplicates.domainKey("no address")).isNull();
        assertThat(Duplicates.domainKey(null)).isNull();
    }

    @Test
    void aPersonFromALeadsFacts() {
        LeadFacts facts = new LeadFacts("1", Instant.EPOCH, "web-form", "CMO", null, null, "DE", null, null, null,
                "anna@helix.example.com");
        assertThat(Person.of(facts, "Anna", "Helix", "030 123456"))
                .isEqualTo(new Person("Anna", "Helix", "anna@helix.example.com", "030 123456", "DE"));
    }

    @Test
    void hostileInputIsNoMatchAndNoException() {
        String huge = "Anna Müller ".repeat(50_000);
        assertThat(match(person(huge, huge), person("Bob", "Helix"))).isEmpty();
        assertThat(match(new Person(null, null, null, null, null), new Person(null, null, null, null, null)))
                .isEmpty();
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            Person a = new Person(junk(random), junk(random), junk(random), junk(random), junk(random));
            Person b = new Person(junk(random), junk(random), junk(random), junk(random), junk(random));
            Duplicates.match(a, b);
            Duplicates.companyKey(a.company());
            Duplicates.domainKey(a.email());
        }
    }

    private static String junk(Random random) {
        return random.ints(random.nextInt(30), 0, 0x3000).filter(c -> c != 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
