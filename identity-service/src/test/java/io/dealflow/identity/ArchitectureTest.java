package io.dealflow.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.dealflow.platform.test.ServiceArchitecture;
import org.springframework.web.bind.annotation.RestController;

/** The package boundaries of identity-service, as CONVENTIONS.md draws them. */
@AnalyzeClasses(
    packages = "io.dealflow.identity",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule packagesHaveNoCycles =
      slices().matching("io.dealflow.identity.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule keycloakAdapterKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage("..identity.keycloak..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..identity.user..",
              "..identity.organization..",
              "..identity.member..",
              "..identity.auth..",
              "..identity.profile..",
              "..identity.demo..",
              "..identity.web..");

  @ArchTest
  static final ArchRule usersKnowNothingOfOrganizations =
      noClasses()
          .that()
          .resideInAPackage("..identity.user..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..identity.organization..",
              "..identity.member..",
              "..identity.auth..",
              "..identity.profile..",
              "..identity.demo..",
              "..identity.web..");

  @ArchTest
  static final ArchRule organizationsKnowNoUseCase =
      noClasses()
          .that()
          .resideInAPackage("io.dealflow.identity.organization")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..identity.member..",
              "..identity.auth..",
              "..identity.profile..",
              "..identity.demo..",
              "..identity.web..",
              "..identity.organization.web..");

  @ArchTest
  static final ArchRule domainCodeDoesNotReachIntoTheWebLayer =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.dealflow.identity.user",
              "io.dealflow.identity.organization",
              "io.dealflow.identity.member",
              "io.dealflow.identity.auth",
              "io.dealflow.identity.demo")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..identity.web..", "..identity..web..");

  @ArchTest
  static final ArchRule controllersArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .notBePublic()
          .andShould()
          .resideInAnyPackage("..web..", "..identity.profile..");

  @ArchTest
  static final ArchRule repositoriesArePackagePrivate =
      ServiceArchitecture.REPOSITORIES_ARE_PACKAGE_PRIVATE;

  @ArchTest
  static final ArchRule onlyRepositoriesWriteSql = ServiceArchitecture.ONLY_REPOSITORIES_WRITE_SQL;

  @ArchTest
  static final ArchRule onlyTheAdapterCallsKeycloak =
      noClasses()
          .that()
          .resideOutsideOfPackage("..identity.keycloak..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework.web.client..");
}
