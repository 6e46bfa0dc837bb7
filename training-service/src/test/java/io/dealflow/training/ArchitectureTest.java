package io.dealflow.training;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.dealflow.platform.test.ServiceArchitecture;

/** The package boundaries of training-service. */
@AnalyzeClasses(
    packages = "io.dealflow.training",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("io.dealflow.training.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule scoringIsPureOfEverythingElse =
      noClasses()
          .that()
          .resideInAPackage("io.dealflow.training.scoring")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dealflow.training.session..",
              "io.dealflow.training.call..",
              "io.dealflow.training.prospect..",
              "io.dealflow.training.speech..",
              "org.springframework..");

  @ArchTest
  static final ArchRule nothingBelowTheWebLayerKnowsIt =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.dealflow.training.scenario",
              "io.dealflow.training.session",
              "io.dealflow.training.learning",
              "io.dealflow.training.objection",
              "io.dealflow.training.voice",
              "io.dealflow.training.prospect",
              "io.dealflow.training.speech")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..web..", "io.dealflow.training.call..");

  @ArchTest
  static final ArchRule speechKnowsNoDomain =
      noClasses()
          .that()
          .resideInAPackage("io.dealflow.training.speech")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dealflow.training.scenario..",
              "io.dealflow.training.session..",
              "io.dealflow.training.scoring..",
              "io.dealflow.training.prospect..");

  @ArchTest
  static final ArchRule controllersArePackagePrivateInWebPackages =
      ServiceArchitecture.CONTROLLERS_ARE_PACKAGE_PRIVATE_IN_WEB_PACKAGES;

  @ArchTest
  static final ArchRule repositoriesArePackagePrivate =
      ServiceArchitecture.REPOSITORIES_ARE_PACKAGE_PRIVATE;

  @ArchTest
  static final ArchRule onlyRepositoriesWriteSql = ServiceArchitecture.ONLY_REPOSITORIES_WRITE_SQL;
}
