package io.dealflow.insights;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.dealflow.platform.test.ServiceArchitecture;

/** The package boundaries of insights-service. */
@AnalyzeClasses(
    packages = "io.dealflow.insights",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("io.dealflow.insights.(**)").should().beFreeOfCycles();

  /** The read models know nothing of what is computed from them, nor of each other. */
  @ArchTest
  static final ArchRule theReadModelKnowsNoAnalytics =
      noClasses()
          .that()
          .resideInAnyPackage("io.dealflow.insights.pipeline..", "io.dealflow.insights.activity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.dealflow.insights.analytics..",
              "io.dealflow.insights.insight..",
              "io.dealflow.insights.chat..");

  @ArchTest
  static final ArchRule theTwoReadModelsAreIndependent =
      noClasses()
          .that()
          .resideInAPackage("io.dealflow.insights.activity..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.dealflow.insights.pipeline..")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("io.dealflow.insights.rules..");

  /** The rules are arithmetic on figures: no framework, no storage, no other feature. */
  @ArchTest
  static final ArchRule theRulesArePure =
      noClasses()
          .that()
          .resideInAPackage("io.dealflow.insights.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "java.sql..",
              "io.dealflow.insights.pipeline..",
              "io.dealflow.insights.activity..",
              "io.dealflow.insights.analytics..",
              "io.dealflow.insights.chat..",
              "io.dealflow.insights.insight..");

  @ArchTest
  static final ArchRule nothingBelowTheWebLayerKnowsIt =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.dealflow.insights.pipeline",
              "io.dealflow.insights.activity",
              "io.dealflow.insights.analytics",
              "io.dealflow.insights.chat",
              "io.dealflow.insights.rules")
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
