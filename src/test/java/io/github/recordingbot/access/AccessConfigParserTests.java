package io.github.recordingbot.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.recordingbot.access.AccessConfigParser.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Parsing and validation of config.json by {@link AccessConfigParser}.
 */
class AccessConfigParserTests {

	@Test
	void emptyObjectGivesSafeDefaults() {
		ParseResult result = parse("{}");
		assertThat(result.warnings()).isEmpty();
		assertThat(result.config()).isEqualTo(AccessConfig.denyAll());
		assertThat(result.config().respondOnlyToHost()).isTrue();
		assertThat(result.config().protectPmr()).isTrue();
		assertThat(result.config().language()).isEqualTo("en_US");
		assertThat(result.config().maxDaysBack()).isEqualTo(30);
		assertThat(result.config().rateLimit()).isEqualTo(new AccessConfig.RateLimit(10, 20));
	}

	@Test
	void everyKeyIsRead() {
		ParseResult result = parse("""
				{"approved_users": ["Alice@Partner.ORG"], "approved_domains": ["Example.COM", "kb.cz"],
				 "respond_only_to_host": false, "protect_pmr": false, "language": "cs_CZ", "max_days_back": 365,
				 "compliance_officers": ["Officer@Example.com"],
				 "rate_limit": {"requests_per_minute": 3, "meetings_per_day": 1}}
				""");
		assertThat(result.warnings()).isEmpty();
		assertThat(result.config())
			.isEqualTo(new AccessConfig(List.of("alice@partner.org"), List.of("example.com", "kb.cz"), false, false,
					"cs_CZ", 365, List.of("officer@example.com"), new AccessConfig.RateLimit(3, 1)));
	}

	@Test
	void partialRateLimitKeepsDefaultsForMissingKeys() {
		assertThat(parse("{\"rate_limit\": {\"meetings_per_day\": 5}}").config().rateLimit())
			.isEqualTo(new AccessConfig.RateLimit(10, 5));
	}

	@Test
	void duplicateEntriesAreKeptOnce() {
		assertThat(parse("{\"approved_domains\": [\"example.com\", \"EXAMPLE.com\"]}").config().approvedDomains())
			.containsExactly("example.com");
	}

	@Test
	void commentsAreAllowed() {
		ParseResult result = parse("""
				// line comment
				{
				  /* block comment */
				  "approved_domains": ["example.com"] // trailing comment
				}
				""");
		assertThat(result.config().approvedDomains()).containsExactly("example.com");
	}

	@Test
	void unknownKeysAreWarningsNotErrors() {
		ParseResult result = parse("{\"approved_domain\": [\"example.com\"], \"rate_limit\": {\"burst\": 5}}");
		assertThat(result.config()).isEqualTo(AccessConfig.denyAll());
		assertThat(result.warnings()).containsExactlyInAnyOrder(
				"unknown key \"approved_domain\" is ignored; check its spelling",
				"unknown key \"rate_limit.burst\" is ignored; check its spelling");
	}

	@Test
	void shippedExampleParsesWithoutWarnings() throws IOException {
		ParseResult result = AccessConfigParser.parse(Files.readAllBytes(Path.of("config", "config.json")));
		assertThat(result.warnings()).isEmpty();
		assertThat(result.config()).isEqualTo(new AccessConfig(List.of(), List.of("example.com"), true, true, "en_US",
				30, List.of(), new AccessConfig.RateLimit(10, 20)));
	}

	@Nested
	class Invalid {

		static Stream<Arguments> wrongValues() {
			return Stream.of(arguments("{\"approved_users\": \"alice@example.com\"}", "approved_users"),
					arguments("{\"approved_users\": [42]}", "approved_users[0]"),
					arguments("{\"approved_users\": [\"alice\"]}", "approved_users[0]"),
					arguments("{\"approved_users\": [\"a@b@example.com\"]}", "approved_users[0]"),
					arguments("{\"approved_users\": [null]}", "approved_users[0]"),
					arguments("{\"approved_domains\": {}}", "approved_domains"),
					arguments("{\"approved_domains\": [\"@example.com\"]}", "approved_domains[0]"),
					arguments("{\"approved_domains\": [\"example.com.\"]}", "approved_domains[0]"),
					arguments("{\"approved_domains\": [\"\"]}", "approved_domains[0]"),
					arguments("{\"approved_domains\": [\"ok.com\", \" example.com\"]}", "approved_domains[1]"),
					arguments("{\"respond_only_to_host\": \"yes\"}", "respond_only_to_host"),
					arguments("{\"respond_only_to_host\": null}", "respond_only_to_host"),
					arguments("{\"protect_pmr\": 1}", "protect_pmr"),
					arguments("{\"language\": \"de_DE\"}", "language"), arguments("{\"language\": 5}", "language"),
					arguments("{\"max_days_back\": 0}", "max_days_back"),
					arguments("{\"max_days_back\": 366}", "max_days_back"),
					arguments("{\"max_days_back\": 30.5}", "max_days_back"),
					arguments("{\"max_days_back\": \"30\"}", "max_days_back"),
					arguments("{\"max_days_back\": 99999999999}", "max_days_back"),
					arguments("{\"compliance_officers\": \"x\"}", "compliance_officers"),
					arguments("{\"compliance_officers\": [\"officer\"]}", "compliance_officers[0]"),
					arguments("{\"rate_limit\": 10}", "rate_limit"),
					arguments("{\"rate_limit\": {\"requests_per_minute\": 0}}", "rate_limit.requests_per_minute"),
					arguments("{\"rate_limit\": {\"meetings_per_day\": \"many\"}}", "rate_limit.meetings_per_day"));
		}

		@ParameterizedTest
		@MethodSource("wrongValues")
		void wrongTypeOrValueIsAnErrorNamingTheKey(String json, String key) {
			assertThatExceptionOfType(InvalidAccessConfigException.class).isThrownBy(() -> parse(json))
				.satisfies((ex) -> assertThat(ex.errors()).singleElement().asString().startsWith(key + " must be"));
		}

		@Test
		void messageShowsTheOffendingValue() {
			assertThatExceptionOfType(InvalidAccessConfigException.class)
				.isThrownBy(() -> parse("{\"max_days_back\": \"abc\"}"))
				.withMessage("max_days_back must be an integer between 1 and 365, got \"abc\"");
		}

		@ParameterizedTest
		@ValueSource(strings = { "approved_users", "approved_domains", "compliance_officers" })
		void nonAsciiEntryIsAnErrorShowingTheEscapedCharacter(String key) {
			String entry = key.equals("approved_domains") ? "\u0441isco.com" : "user@\u0441isco.com";
			assertThatExceptionOfType(InvalidAccessConfigException.class)
				.isThrownBy(() -> parse("{\"" + key + "\": [\"" + entry + "\"]}"))
				.withMessageStartingWith(key + "[0] must contain only ASCII characters")
				.withMessageContaining("\\u0441isco.com");
		}

		@Test
		void everyProblemIsReportedAtOnce() {
			assertThatExceptionOfType(InvalidAccessConfigException.class)
				.isThrownBy(() -> parse("{\"protect_pmr\": \"no\", \"language\": \"fr\", \"max_days_back\": -1}"))
				.satisfies((ex) -> assertThat(ex.errors()).hasSize(3))
				.withMessageContainingAll("protect_pmr", "language", "max_days_back");
		}

		@ParameterizedTest
		@ValueSource(strings = { "{\"language\": \"en_US\"", "{\"language\": 'en_US'}", "{} {}",
				"{\"approved_domains\": [\"a.com\",]}" })
		void malformedJsonIsAnErrorWithItsPosition(String json) {
			assertThatExceptionOfType(InvalidAccessConfigException.class).isThrownBy(() -> parse(json))
				.withMessageStartingWith("config.json is not valid JSON at line 1");
		}

		@Test
		void duplicateKeyIsAnError() {
			assertThatExceptionOfType(InvalidAccessConfigException.class)
				.isThrownBy(() -> parse("{\"approved_domains\": [], \"approved_domains\": [\"example.com\"]}"))
				.withMessageStartingWith("config.json is not valid JSON")
				.withMessageContaining("approved_domains");
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "  ", "// only a comment", "[]", "\"example.com\"", "null" })
		void documentThatIsNotAnObjectIsAnError(String json) {
			assertThatExceptionOfType(InvalidAccessConfigException.class).isThrownBy(() -> parse(json))
				.withMessageStartingWith("config.json ");
		}

	}

	private static ParseResult parse(String json) {
		return AccessConfigParser.parse(json.getBytes(StandardCharsets.UTF_8));
	}

}
