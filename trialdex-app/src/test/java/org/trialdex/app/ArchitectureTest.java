package org.trialdex.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The directions of {@code ../shared/ARCHITECTURE.md}, checked on the bytecode of every module's main
 * code (this module's tests see all of them). Maven already keeps a module from compiling against one
 * it does not declare; these rules hold what Maven cannot see: JDK packages such as JDBC, libraries
 * that arrive transitively, package-private doors, and cycles between the packages of one module.
 * A failure names each offending class and the dependency, as "Method <...> calls method <...>".
 */
class ArchitectureTest {

  /** Main code only: no test classes, and none of the modules' test jars (SharedData, the store contract). */
  private static final ImportOption MAIN_CODE = new ImportOption() {
    private final Pattern testJar = Pattern.compile(".*-tests\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/") && !location.matches(testJar);
    }
  };

  private static final String[] HEAVY_FORMAT_LIBRARIES = {
      "org.apache.lucene..", "io.javalin..", "org.jsoup..", "gg.jte..", "picocli..", "org.apache.commons.compress.."};
  private static final String[] JDBC_AND_MIGRATIONS = {
      "java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..", "org.flywaydb.."};

  private static final String[] FACES = {"org.trialdex.app.cli..", "org.trialdex.app.http..", "org.trialdex.app.web.."};

  private static JavaClasses classes;

  @BeforeAll
  static void importEveryModulesMainCode() {
    classes = new ClassFileImporter().withImportOption(MAIN_CODE).importPackages("org.trialdex");
  }

  @Test
  void modulesDependOnlyInTheDirectionsOfTheModuleTable() {
    // Bench is not on this module's classpath (it depends on app); a dependency on it is still seen
    // by the target's package name.
    ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("core").definedBy("org.trialdex.core..")
        .layer("ingest").definedBy("org.trialdex.ingest..")
        .layer("store").definedBy("org.trialdex.store..")
        .layer("search").definedBy("org.trialdex.search..")
        .layer("app").definedBy("org.trialdex.app..")
        .optionalLayer("bench").definedBy("org.trialdex.bench..")
        .whereLayer("core").mayNotAccessAnyLayer()
        .whereLayer("ingest").mayOnlyAccessLayers("core")
        .whereLayer("store").mayOnlyAccessLayers("core")
        .whereLayer("search").mayOnlyAccessLayers("core")
        .whereLayer("app").mayNotBeAccessedByAnyLayer()
        .whereLayer("bench").mayNotBeAccessedByAnyLayer()
        .because("every arrow goes one way: core knows no other module, ingest, store and search know only"
            + " core, app wires them all, and nothing depends on app or bench");
    rule.check(classes);
  }

  @Test
  void coreUsesNoHeavyFormatLibraryNorJdbcNorMigrations() {
    noClasses().that().resideInAPackage("org.trialdex.core..")
        .should().dependOnClassesThat().resideInAnyPackage(HEAVY_FORMAT_LIBRARIES)
        .orShould().dependOnClassesThat().resideInAnyPackage(JDBC_AND_MIGRATIONS)
        .because("heavy format libraries live at the edges, never in core (JDK, Jackson and small pure"
            + " libraries only)")
        .check(classes);
  }

  @Test
  void theStoreKnowsNothingOfLucene() {
    noClasses().that().resideInAPackage("org.trialdex.store..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
        .because("the index is derived from the store and can always be rebuilt; the store knows nothing of it")
        .check(classes);
  }

  @Test
  void searchKnowsNeitherTheStoreNorJdbc() {
    noClasses().that().resideInAPackage("org.trialdex.search..")
        .should().dependOnClassesThat().resideInAPackage("org.trialdex.store..")
        .orShould().dependOnClassesThat().resideInAnyPackage(JDBC_AND_MIGRATIONS)
        .because("the index is built from studies handed to it, not by reading the database")
        .check(classes);
  }

  @Test
  void theFacesDoNotReachIntoTheStoresImplementation() {
    noClasses().that().resideInAnyPackage(FACES)
        .should().dependOnClassesThat().haveNameMatching("org\\.trialdex\\.store\\.(JdbcStudyStore|Database)(\\$.*)?")
        .because("the faces only call services; tables and transactions are the"
            + " store's")
        .check(classes);
  }

  @Test
  void thePackagesOfCoreAreFreeOfCycles() {
    slices().matching("org.trialdex.core.(*)..").namingSlices("core.$1")
        .should().beFreeOfCycles()
        .because("a package of core is a room with one door; rooms that need each other are one concept")
        .check(classes);
  }

  /**
   * The packages of app, the root package (the wiring) included, do not need one another in a
   * circle. The root's {@code Main} moved to {@code app.cli} so that the wiring knows no face.
   */
  @Test
  void thePackagesOfAppAreFreeOfCycles() {
    slices().assignedFrom(APP_PACKAGES)
        .should().beFreeOfCycles()
        .because("the wiring builds the services, the faces call the services; nothing calls back")
        .check(classes);
  }

  @Test
  void theFacesCallServicesAndTheWiringNeverEachOtherBackwards() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("wiring").definedBy("org.trialdex.app")
        .layer("services").definedBy("org.trialdex.app.service..")
        .layer("cli").definedBy("org.trialdex.app.cli..")
        .layer("http").definedBy("org.trialdex.app.http..")
        .layer("web").definedBy("org.trialdex.app.web..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("http").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("web").mayOnlyBeAccessedByLayers("http")
        .whereLayer("wiring").mayOnlyBeAccessedByLayers("cli", "http", "web")
        .whereLayer("services").mayOnlyBeAccessedByLayers("wiring", "cli", "http", "web")
        .because("the wiring builds the services and hands them to the faces; the command line starts the"
            + " HTTP server, which serves the portal's pages; the services know neither the wiring nor a face")
        .check(classes);
  }

  @Test
  void theFacesDoNotUseTheStoreDirectly() {
    noClasses().that().resideInAnyPackage(FACES)
        .should().dependOnClassesThat().haveFullyQualifiedName("org.trialdex.store.StudyStore")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("org.trialdex.store.StudyStores")
        .because("the faces ask the services (Records, History, Searches, Imports, Reports), so the command"
            + " line, the HTTP API and the portal answer alike; only the wiring opens and holds the store")
        .check(classes);
  }

  /** The root package {@code org.trialdex.app} is the slice "app"; each package under it, with its subpackages, one more. */
  private static final SliceAssignment APP_PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String pkg = javaClass.getPackageName();
      if (pkg.equals("org.trialdex.app")) {
        return SliceIdentifier.of("app");
      }
      if (pkg.startsWith("org.trialdex.app.")) {
        String rest = pkg.substring("org.trialdex.app.".length());
        int dot = rest.indexOf('.');
        return SliceIdentifier.of("app." + (dot < 0 ? rest : rest.substring(0, dot)));
      }
      return SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of app: the root (wiring), service, cli, http, web";
    }
  };
}
