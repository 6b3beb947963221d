package kg.vareg.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The ledger is the part anyone runs to check the register without trusting it (vareg-verify): plain Java on
 * BouncyCastle, no framework and no chain client, so it stays small, auditable and embeddable (docs/ledger.md).
 */
@AnalyzeClasses(packages = "kg.vareg.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class LedgerIndependenceTest {

    @ArchTest
    static final ArchRule noSpringNoWeb3j = noClasses().that().resideInAPackage("kg.vareg.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.web3j..")
            .because("the offline verifier must not need a framework or a chain client");

    @ArchTest
    static final ArchRule noOtherVaregModule = noClasses().that().resideInAPackage("kg.vareg.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("kg.vareg.backend..", "kg.vareg.worker..",
                    "kg.vareg.common..", "kg.vareg.contracts..", "kg.vareg.devstack..")
            .because("every other module builds on the ledger, never the other way round");
}
