package io.dealflow.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.dealflow.platform.test.ServiceArchitecture;

/** The package boundaries of support-service. */
@AnalyzeClasses(
    packages = "io.dealflow.support",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("io.dealflow.support.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule toolsKnowNoDomain =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.dealflow.support.text",
              "io.dealflow.support.redaction",
              "io.dealflow.support.document")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dealflow.support.knowledge..",
              "io.dealflow.support.conversation..",
              "io.dealflow.support.chat..",
              "io.dealflow.support.ticket..",
              "io.dealflow.support.answer..",
              "io.dealflow.support.analytics..");

  @ArchTest
  static final ArchRule redactionAndTextArePure =
      noClasses()
          .that()
          .resideInAnyPackage("io.dealflow.support.text", "io.dealflow.support.redaction")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "java.sql..");

  @ArchTest
  static final ArchRule nothingBelowTheWebLayerKnowsIt =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.dealflow.support.knowledge",
              "io.dealflow.support.conversation",
              "io.dealflow.support.chat",
              "io.dealflow.support.ticket",
              "io.dealflow.support.answer",
              "io.dealflow.support.analytics",
              "io.dealflow.support.document")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..web..");

  @ArchTest
  static final ArchRule controllersArePackagePrivateInWebPackages =
      ServiceArchitecture.CONTROLLERS_ARE_PACKAGE_PRIVATE_IN_WEB_PACKAGES;

  @ArchTest
  static final ArchRule repositoriesArePackagePrivate =
      ServiceArchitecture.REPOSITORIES_ARE_PACKAGE_PRIVATE;

  @ArchTest
  static final ArchRule onlyRepositoriesWriteSql = ServiceArchitecture.ONLY_REPOSITORIES_WRITE_SQL;
}
