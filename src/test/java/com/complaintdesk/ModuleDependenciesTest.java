package com.complaintdesk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries already drawn stay drawn (#16), until Spring Modulith's {@code ApplicationModules.verify()}
 * can check them all: the engine boundary depends on no stage, the security set-up not on the analytics, the reply
 * not on the crisis, the SLA clocks not on triage.
 */
class ModuleDependenciesTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.complaintdesk");

    @Test
    void theEngineBoundaryDependsOnNoStageOfThePlaybook() {
        noClasses()
                .that()
                .resideInAPackage("com.complaintdesk.engine..")
                .should()
                .dependOnClassesThat(resideInAPackage("com.complaintdesk..")
                        .and(resideOutsideOfPackages("com.complaintdesk.engine..", "com.complaintdesk.web..")))
                .check(MAIN);
    }

    @Test
    void theSecuritySetUpDoesNotDependOnTheAnalytics() {
        noClasses()
                .that()
                .resideInAPackage("com.complaintdesk.identity..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.complaintdesk.insights..")
                .check(MAIN);
    }

    @Test
    void theReplyDoesNotDependOnTheCrisis() {
        noClasses()
                .that()
                .resideInAPackage("com.complaintdesk.reply..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.complaintdesk.crisis..")
                .check(MAIN);
    }

    @Test
    void theSlaClocksDoNotDependOnTriage() {
        noClasses()
                .that()
                .resideInAPackage("com.complaintdesk.sla..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.complaintdesk.triage..")
                .check(MAIN);
    }
}
