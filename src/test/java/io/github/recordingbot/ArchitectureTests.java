package io.github.recordingbot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules that module boundaries cannot state: which types inside a module another may
 * use, what the application package and the simulator are to the rest, and how signatures
 * are compared. Which module may use which is {@link ModularityTests}'.
 */
class ArchitectureTests {

	static final String BASE = "io.github.recordingbot";

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		// the build's AOT processing (process-aot) generates these into target/classes
		.withImportOption((location) -> !location.contains("__"))
		.importPackages(BASE);

	@Test
	void theApplicationPackageImportsNoFeature() {
		noClasses().that()
			.resideInAPackage(BASE)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".*..")
			.because("BotProperties lives there and every feature, leaves included, may use it")
			.check(CLASSES);
	}

	@Test
	void onlyTheOfficerClientAndTheOfficerAuthorizationKnowTheOfficerToken() {
		noClasses().that()
			.resideOutsideOfPackages(BASE + ".webex..", BASE + ".officer..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName(BASE + ".webex.OfficerTokens")
			.because("tokens belong to the HTTP clients: business code calls WebexOfficerClient, "
					+ "whose interceptor sets and refreshes the token")
			.check(CLASSES);
	}

	@Test
	void recordingAsksWebexOnlyAsTheOfficer() {
		noClasses().that()
			.resideInAPackage(BASE + ".recording..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName(BASE + ".webex.WebexClient")
			.because("meetings and recordings are read with the officer's authorization, through WebexOfficerClient")
			.check(CLASSES);
	}

	@Test
	void nothingImportsTheSimulator() {
		noClasses().that()
			.resideOutsideOfPackage(BASE + ".sim..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".sim..")
			.allowEmptyShould(true)
			.check(CLASSES);
	}

	@Test
	void webhookSignaturesAreComparedInConstantTimeOnly() {
		noClasses().that()
			.haveFullyQualifiedName(BASE + ".webhook.SignatureVerifier")
			.should()
			.callMethod(String.class, "equals", Object.class)
			.orShould()
			.callMethod(java.util.Arrays.class, "equals", byte[].class, byte[].class)
			.because("a signature compared with equals leaks its prefix through timing; use MessageDigest.isEqual")
			.check(CLASSES);
	}

}
