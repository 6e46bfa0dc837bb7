package io.dealflow.crm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The package boundaries of crm-service's Spotlight OS side. */
@AnalyzeClasses(packages = "io.dealflow.crm", importOptions = ImportOption.DoNotIncludeTests.class)
class SpotlightArchitectureTest {

  static final String[] SPOTLIGHT = {
    "io.dealflow.crm.assistant..",
    "io.dealflow.crm.lead..",
    "io.dealflow.crm.conversation..",
    "io.dealflow.crm.appointment..",
    "io.dealflow.crm.jsonapi..",
    "io.dealflow.crm.analysis..",
    "io.dealflow.crm.demo.."
  };

  /**
   * Each package is its own slice: audio storage is beneath conversations but serves assistants.
   */
  @ArchTest
  static final ArchRule spotlightPackagesHaveNoCycles =
      slices()
          .matching("io.dealflow.crm.(**)")
          .that(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "Spotlight",
                  slice ->
                      java.util.Set.of(
                              "assistant",
                              "lead",
                              "conversation",
                              "appointment",
                              "jsonapi",
                              "analysis",
                              "demo")
                          .contains(slice.getNamePart(1).split("\\.")[0])))
          .should()
          .beFreeOfCycles();

  @ArchTest
  static final ArchRule analysisAndWireFormatKnowNoFeature =
      noClasses()
          .that()
          .resideInAnyPackage("io.dealflow.crm.analysis..", "io.dealflow.crm.jsonapi..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dealflow.crm.assistant..",
              "io.dealflow.crm.lead..",
              "io.dealflow.crm.conversation..",
              "io.dealflow.crm.appointment..",
              "io.dealflow.crm.demo..");

  @ArchTest
  static final ArchRule leadsDoNotKnowConversations =
      noClasses()
          .that()
          .resideInAPackage("io.dealflow.crm.lead..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.dealflow.crm.conversation..", "io.dealflow.crm.appointment..");

  @ArchTest
  static final ArchRule spotlightControllersArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .and()
          .resideInAnyPackage(SPOTLIGHT)
          .should()
          .notBePublic();

  @ArchTest
  static final ArchRule spotlightRepositoriesArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(Repository.class)
          .and()
          .resideInAnyPackage(SPOTLIGHT)
          .should()
          .notBePublic();

  @ArchTest
  static final ArchRule onlySpotlightRepositoriesTouchJdbc =
      noClasses()
          .that()
          .areNotAnnotatedWith(Repository.class)
          .and()
          .resideInAnyPackage(SPOTLIGHT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework.jdbc.core..");
}
