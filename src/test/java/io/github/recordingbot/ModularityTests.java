package io.github.recordingbot;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries, stated once: each feature package is a module whose
 * {@code package-info.java} lists, in {@code @ApplicationModule(allowedDependencies)},
 * the modules it may use ({@code docs/modules.md}). A new package is a new module and
 * needs only its own {@code package-info.java}.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(RecordingBotApplication.class,
			(location) -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
					// the build's AOT processing (process-aot) generates these into
					// target/classes
					&& !location.contains("__"));

	@Test
	void modulesHaveNoCyclesAndUseOnlyWhatTheyDeclare() {
		MODULES.verify();
	}

	@Test
	void everyModuleDeclaresWhatItMayUse() {
		assertThat(MODULES.stream())
			.allSatisfy((module) -> assertThat(module.getBasePackage().getAnnotation(ApplicationModule.class))
				.as("@ApplicationModule(allowedDependencies) on %s's package-info.java", module.getIdentifier())
				.hasValueSatisfying((annotation) -> assertThat(annotation.allowedDependencies())
					.doesNotContain(ApplicationModule.OPEN_TOKEN)));
	}

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
