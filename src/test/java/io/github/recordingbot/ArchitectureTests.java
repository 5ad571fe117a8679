package io.github.recordingbot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the arrows of the architecture one way: transports → conversation → recording →
 * leaves; leaves import nothing of ours; nothing imports the simulator.
 */
class ArchitectureTests {

	static final String BASE = "io.github.recordingbot";

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		// the build's AOT processing (process-aot) generates these into target/classes
		.withImportOption((location) -> !location.contains("__"))
		.importPackages(BASE);

	@Test
	void featuresHaveNoCycles() {
		slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void leavesImportNothingOfOurs() {
		for (String leaf : new String[] { "webex", "card", "audit", "access", "replicas" }) {
			noClasses().that()
				.resideInAPackage(BASE + "." + leaf + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others(leaf))
				.because(leaf + " is a leaf: everything may use it, it uses nothing of ours")
				.check(CLASSES);
		}
	}

	@Test
	void textsReadOnlyTheLanguageFromTheAccessRules() {
		noClasses().that()
			.resideInAPackage(BASE + ".texts..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(java.util.Arrays.stream(others("texts"))
				.filter((p) -> !p.equals(BASE + ".access.."))
				.toArray(String[]::new))
			.because("every feature may use the texts; they read only the configured language")
			.check(CLASSES);
	}

	@Test
	void theApplicationPackageImportsNoFeature() {
		noClasses().that()
			.resideInAPackage(BASE)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others(""))
			.because("BotProperties lives there and every feature, leaves included, may use it")
			.check(CLASSES);
	}

	@Test
	void recordingDoesNotKnowWhoCallsIt() {
		noClasses().that()
			.resideInAPackage(BASE + ".recording..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE + ".conversation..", BASE + ".webhook..", BASE + ".websocket..",
					BASE + ".status..", BASE + ".officer..")
			.check(CLASSES);
	}

	@Test
	void recordingSaysWhatItFoundAndTheConversationDecidesWhatToAudit() {
		noClasses().that()
			.resideInAPackage(BASE + ".recording..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".audit..")
			.because("the conversation maps its answers to the audit's decisions, once")
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
	void conversationDoesNotKnowTheTransports() {
		noClasses().that()
			.resideInAPackage(BASE + ".conversation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE + ".webhook..", BASE + ".websocket..", BASE + ".status..")
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

	private static String[] others(String leaf) {
		return java.util.stream.Stream
			.of("webex", "card", "audit", "access", "texts", "conversation", "recording", "webhook", "websocket",
					"officer", "status", "sim", "replicas")
			.filter((p) -> !p.equals(leaf))
			.map((p) -> BASE + "." + p + "..")
			.toArray(String[]::new);
	}

}
