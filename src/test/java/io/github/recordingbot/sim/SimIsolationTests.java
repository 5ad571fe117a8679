package io.github.recordingbot.sim;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Production code never depends on the simulator: it is reached over HTTP only, through
 * the same settings a real deployment uses.
 */
class SimIsolationTests {

	@Test
	void nothingOutsideTheSimulatorImportsIt() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			// the build's AOT processing (process-aot) generates these into
			// target/classes
			.withImportOption((location) -> !location.contains("__"))
			.importPackages("io.github.recordingbot");

		noClasses().that()
			.resideOutsideOfPackage("io.github.recordingbot.sim..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.recordingbot.sim..")
			.check(classes);
	}

}
