package io.dealflow.crm.deal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.dealflow.platform.test.ServiceArchitecture;

/** The boundaries of the deal and integration packages. */
@AnalyzeClasses(
    packages = {"io.dealflow.crm.deal", "io.dealflow.crm.integration"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class DealsAndIntegrationsArchitectureTest {

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("io.dealflow.crm.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule dealsKnowNothingOfIntegrations =
      noClasses()
          .that()
          .resideInAPackage("io.dealflow.crm.deal..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.dealflow.crm.integration..");

  @ArchTest
  static final ArchRule integrationsDoNotTouchOtherFeaturesTables =
      noClasses()
          .that()
          .resideInAPackage("io.dealflow.crm.integration..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dealflow.crm.lead..",
              "io.dealflow.crm.assistant..",
              "io.dealflow.crm.conversation..",
              "io.dealflow.crm.appointment..");

  @ArchTest
  static final ArchRule domainDoesNotReachIntoTheWebLayer =
      noClasses()
          .that()
          .resideInAnyPackage("io.dealflow.crm.deal", "io.dealflow.crm.integration")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..web..");

  @ArchTest
  static final ArchRule connectorsAreReachedOnlyThroughTheirInterface =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.dealflow.crm.integration.hubspot..", "io.dealflow.crm.integration.csv..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dealflow.crm.integration.hubspot..", "io.dealflow.crm.integration.csv..");

  @ArchTest
  static final ArchRule controllersArePackagePrivateInWebPackages =
      ServiceArchitecture.CONTROLLERS_ARE_PACKAGE_PRIVATE_IN_WEB_PACKAGES;

  @ArchTest
  static final ArchRule repositoriesArePackagePrivate =
      ServiceArchitecture.REPOSITORIES_ARE_PACKAGE_PRIVATE;

  @ArchTest
  static final ArchRule onlyRepositoriesWriteSql = ServiceArchitecture.ONLY_REPOSITORIES_WRITE_SQL;

  @ArchTest
  static final ArchRule onlyConnectorsCallOtherSystems =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.dealflow.crm.integration.hubspot..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework.web.client..");
}
