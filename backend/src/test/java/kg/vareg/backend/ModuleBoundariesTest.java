package kg.vareg.backend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package-by-feature rules of the backend that hold today (docs/architecture-decisions.md, ADR "module
 * boundaries"). Each rule says why; a failing rule names the offending class and dependency.
 */
@AnalyzeClasses(packages = "kg.vareg.backend", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
    private static final String BACKEND = "kg.vareg.backend..";

    /** Pure rule libraries of the regulation: no other feature, so they are testable and reusable alone. */
    @ArchTest
    static final ArchRule calendarStandsAlone = standAlone("calendar").because("working days and legal terms are a pure rule library");
    @ArchTest
    static final ArchRule collateralStandsAlone = standAlone("collateral").because("¶3-2, ¶3-3 coverage is a pure rule library");
    @ArchTest
    static final ArchRule numberingStandsAlone = standAlone("numbering").because("¶67-68 numbers are a pure rule library");

    /** Fees (¶26-28) count instalment due dates in working days, so they may use the calendar, and nothing else. */
    @ArchTest
    static final ArchRule feesUseOnlyTheCalendar = standAlone("fees", "calendar")
            .because("the fee rules are a library over the working-day calendar");

    /** The pages and extracts are the outermost layer: nothing below may depend on them. */
    @ArchTest
    static final ArchRule nothingDependsOnThePages = noClasses()
            .that().resideInAPackage(BACKEND)
            .and().resideOutsideOfPackages("kg.vareg.backend.web..", "kg.vareg.backend.extracts..")
            .should().dependOnClassesThat().resideInAnyPackage("kg.vareg.backend.web..", "kg.vareg.backend.extracts..")
            .because("web and extracts render what the features offer; a feature must not know how it is shown");

    /** The proof API reads the log and the journal only; it knows nothing of emissions (nor of any other feature). */
    @ArchTest
    static final ArchRule proofsStandAlone = standAlone("proofs", "register")
            .because("proofs are about journal rows, whatever feature wrote them, read through the journal's indexed seam"
                    + " (register.JournalReader); others use its public facade RegisterProofs");

    @ArchTest
    static final ArchRule proofsDoNotDependOnEmissions = noClasses().that().resideInAPackage("kg.vareg.backend.proofs..")
            .should().dependOnClassesThat().resideInAPackage("kg.vareg.backend.emissions..");

    /** The verifier sees the register only through its RegisteredTokens port and the JDBC adapter over the table. */
    @ArchTest
    static final ArchRule verifierStandAlone = standAlone("verification", "security")
            .because("the verifier must never write the register, and must keep working whatever the register's classes do;"
                    + " its API chain takes the one shared chain security (security.ChainSecurity)");

    /** The exchange API composes the verifier's stored results and the proofs; security (rate limits, problems) cuts across. */
    @ArchTest
    static final ArchRule exchangesComposeVerifierAndProofs = standAlone("exchanges", "verification", "proofs", "security");

    /** The register core (emissions and what it is built from) never depends on the features that consume it. */
    @ArchTest
    static final ArchRule registerCoreIgnoresItsConsumers = noClasses()
            .that().resideInAnyPackage("kg.vareg.backend.emissions..", "kg.vareg.backend.register..", "kg.vareg.backend.issuers..",
                    "kg.vareg.backend.documents..")
            .should().dependOnClassesThat().resideInAnyPackage("kg.vareg.backend.verification..", "kg.vareg.backend.exchanges..",
                    "kg.vareg.backend.proofs..", "kg.vareg.backend.demo..");

    /** The worker is a separate application sharing only the database schemas and common/. */
    @ArchTest
    static final ArchRule noWorkerClasses = noClasses().that().resideInAPackage(BACKEND)
            .should().dependOnClassesThat().resideInAPackage("kg.vareg.worker..")
            .because("backend and anchoring worker meet only in PostgreSQL (journal, log schema) and common/");

    /** The shared kernel (RuleViolation, EmissionState, ActorRole, Addresses) depends on no feature. */
    @ArchTest
    static final ArchRule kernelStandsAlone = standAlone("kernel")
            .because("every feature may use the kernel's types, so the kernel must not use any feature");

    /**
     * No cycles between features, none ignored — also not among api, emissions, register, issuers, documents, security
     * and deadlines: the types they all share live in the kernel, and the register core talks to its consumers through
     * ports and events.
     */
    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("kg.vareg.backend.(*)..")
            .should().beFreeOfCycles();

    /**
     * Classes of {@code feature} depend only on their own feature, the {@code allowed} features, and anything outside
     * the backend's feature packages (JDK, libraries, common, ledger, the backend's root package).
     */
    private static ArchRule standAlone(String feature, String... allowed) {
        String[] packages = new String[allowed.length + 1];
        packages[0] = "kg.vareg.backend." + feature + "..";
        for (int i = 0; i < allowed.length; i++) {
            packages[i + 1] = "kg.vareg.backend." + allowed[i] + "..";
        }
        DescribedPredicate<JavaClass> outsideFeatures = new DescribedPredicate<>("are outside the backend's feature packages") {
            @Override
            public boolean test(JavaClass target) {
                return !target.getPackageName().startsWith("kg.vareg.backend.");
            }
        };
        return classes().that().resideInAPackage(packages[0])
                .should().onlyDependOnClassesThat(outsideFeatures.or(JavaClass.Predicates.resideInAnyPackage(packages)));
    }
}
