package io.github.recordingbot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

	/** A row of the table in docs/modules.md: module, what it is for, what it may use. */
	static final Pattern TABLE_ROW = Pattern.compile("\\| `(\\w+)` \\| .+ \\| ([a-z, ]+)(?: \\(leaf\\))? \\|");

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
	void docsModulesListsEveryModuleWithWhatItMayUse() throws IOException {
		Map<String, List<String>> documented = new TreeMap<>();
		for (String line : Files.readAllLines(Path.of("docs/modules.md"))) {
			Matcher row = TABLE_ROW.matcher(line);
			if (row.matches()) {
				documented.put(row.group(1),
						row.group(2).startsWith("nothing") ? List.of() : List.of(row.group(2).split(", ")));
			}
		}
		Map<String, List<String>> declared = new TreeMap<>();
		MODULES.forEach((module) -> declared.put(module.getIdentifier().toString(),
				module.getBasePackage()
					.getAnnotation(ApplicationModule.class)
					.map((annotation) -> Stream.of(annotation.allowedDependencies()).sorted().toList())
					.orElse(List.of("(not declared)"))));

		assertThat(documented).isEqualTo(declared);
	}

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
