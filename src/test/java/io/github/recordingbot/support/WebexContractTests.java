package io.github.recordingbot.support;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.recordingbot.support.WebexContract.Answer;
import io.github.recordingbot.support.WebexContract.Call;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WebexContract} holds requests and answers to the official spec: it accepts what
 * Webex documents and rejects what it does not.
 */
class WebexContractTests {

	static final WebexContract CONTRACT = WebexContract.official();

	static final String RECORDING = """
			{"id":"4f914b1dfe3c4d11a61730f18c0f5387","meetingId":"f91b6edce9864428af084977b7c68291_I_166641849979635652",
			 "topic":"Example Topic","createTime":"2020-07-13T17:11:35Z","timeRecorded":"2020-07-13T17:05:35Z",
			 "siteUrl":"site4-example.webex.com","downloadUrl":"https://site4-example.webex.com/site4/lsr.php?RCID=1",
			 "playbackUrl":"https://site4-example.webex.com/site4/ldr.php?RCID=2","password":"********",
			 "format":"MP4","serviceType":"MeetingCenter","durationSeconds":18416,"sizeBytes":168103,
			 "shareToMe":false,"status":"available"}
			""";

	@Test
	void theExtractsHoldEveryOperationTheBotCalls() {
		assertThat(CONTRACT.operations()).containsExactlyInAnyOrder("GET /people/me", "GET /people/{personId}",
				"GET /messages/{messageId}", "POST /messages", "GET /attachment/actions/{id}", "GET /rooms/{roomId}",
				"GET /webhooks", "POST /webhooks", "PUT /webhooks/{webhookId}", "DELETE /webhooks/{webhookId}",
				"GET /admin/meetings", "GET /admin/meetings/{meetingId}", "GET /admin/recordings",
				"GET /recordings/{recordingId}", "GET /meetingPreferences/personalMeetingRoom");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("examples")
	void acceptsTheSpecsOwnExampleAnswers(String operation, int status, JsonNode example) {
		String method = operation.substring(0, operation.indexOf(' '));
		String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "an-id");
		Call call = Call.of(method, path);
		if (!method.equals("GET") && !method.equals("DELETE")) {
			call = call.withJsonBody(requestExample(operation));
		}

		assertThat(CONTRACT.violations(call, Answer.json(status, example.toString()))).isEmpty();
	}

	static Stream<Arguments> examples() {
		return CONTRACT.operations()
			.stream()
			.flatMap((operation) -> CONTRACT.examples(operation)
				.entrySet()
				.stream()
				.map((example) -> Arguments.of(operation, example.getKey(), example.getValue())));
	}

	@Test
	void acceptsTheCallsTheBotMakes() {
		assertThat(CONTRACT.violations(Call.of("GET", "/admin/recordings?meetingId=abc&max=100"))).isEmpty();
		assertThat(CONTRACT.violations(
				Call.of("GET", "/admin/recordings?from=2026-11-01T00%3A00%3A00Z&to=2026-11-25T12:00:00Z&max=1")))
			.isEmpty();
		assertThat(CONTRACT.violations(Call.of("GET", "/admin/meetings?meetingNumber=123456789"))).isEmpty();
		assertThat(CONTRACT.violations(Call.of("GET", "/webhooks?max=100"))).isEmpty();
		assertThat(CONTRACT
			.violations(Call.of("POST", "/messages").withJsonBody("{\"roomId\":\"r\",\"markdown\":\"hi\"}"))).isEmpty();
		assertThat(CONTRACT.violations(Call.of("DELETE", "/webhooks/w1"), new Answer(204, Map.of(), null))).isEmpty();
	}

	@Test
	void acceptsACardAttachmentAlthoughTheSpecDescribesAttachmentsAsFiles() {
		String card = """
				{"roomId":"r1","markdown":"Which meeting?","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
				 "content":{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"Which meeting?"}]}}]}
				""";

		assertThat(CONTRACT.violations(Call.of("POST", "/messages").withJsonBody(card))).isEmpty();
	}

	@Test
	void acceptsAPlainJsonContentTypeAsWellAsWebexsOwn() {
		Answer plain = new Answer(200, Map.of("Content-Type", List.of("application/json")), RECORDING);

		assertThat(CONTRACT.violations(Call.of("GET", "/recordings/r1"), plain)).isEmpty();
	}

	@Test
	void stripsEitherApiBasePath() {
		assertThat(WebexContract.apiPath("/v1/people/me")).isEqualTo("/people/me");
		assertThat(WebexContract.apiPath("/sim/v1/people/me")).isEqualTo("/people/me");
	}

	@Test
	void findsTheOperationACallReaches() {
		assertThat(CONTRACT.operation("GET", "/people/me")).isEqualTo("GET /people/me");
		assertThat(CONTRACT.operation("GET", "/people/p1")).isEqualTo("GET /people/{personId}");
		assertThat(CONTRACT.operation("GET", "/meetings")).isNull();
		assertThat(CONTRACT.operation("PATCH", "/messages")).isNull();
	}

	@Nested
	class Rejects {

		@Test
		void aPathTheExtractsDoNotHold() {
			assertThat(CONTRACT.violations(Call.of("GET", "/meetings?meetingNumber=123456789"))).singleElement()
				.asString()
				.contains("[undocumented]", "/meetings");
		}

		@Test
		void aMethodThePathDoesNotHave() {
			assertThat(CONTRACT.violations(Call.of("PATCH", "/messages")))
				.anySatisfy((violation) -> assertThat(violation).contains("validation.request.operation.notAllowed"));
		}

		@Test
		void anUndocumentedQueryParameter() {
			assertThat(CONTRACT.violations(Call.of("GET", "/admin/recordings?meetingId=abc&hostEmail=h@example.com")))
				.singleElement()
				.asString()
				.contains("validation.request.parameter.query.unexpected", "hostEmail");
		}

		@Test
		void aPageSizeAboveTheDocumentedMaximum() {
			assertThat(CONTRACT.violations(Call.of("GET", "/admin/recordings?meetingId=abc&max=101"))).singleElement()
				.asString()
				.contains("validation.request.parameter.schema.maximum", "max");
		}

		@Test
		void aPageSizeBelowTheDocumentedMinimum() {
			assertThat(CONTRACT.violations(Call.of("GET", "/admin/recordings?max=0")))
				.anySatisfy((violation) -> assertThat(violation).contains("schema.minimum"));
		}

		@Test
		void anAnswerWithoutARequiredField() {
			String withoutStatus = RECORDING.replace(",\"status\":\"available\"", "");

			assertThat(CONTRACT.violations(Call.of("GET", "/recordings/r1"), Answer.json(200, withoutStatus)))
				.singleElement()
				.asString()
				.contains("validation.response.body.schema.required", "status");
		}

		@Test
		void anAnswerWithAValueOutsideAnEnum() {
			String meeting = CONTRACT.examples("GET /admin/meetings/{meetingId}")
				.get(200)
				.toString()
				.replaceFirst("\"scheduledType\":\"[a-zA-Z]+\"", "\"scheduledType\":\"pmr\"");

			assertThat(CONTRACT.violations(Call.of("GET", "/admin/meetings/m1"), Answer.json(200, meeting)))
				.singleElement()
				.asString()
				.contains("validation.response.body.schema.enum", "pmr", "/scheduledType");
		}

		@Test
		void anAnswerWithAWrongType() {
			String sizeAsText = RECORDING.replace("\"sizeBytes\":168103", "\"sizeBytes\":\"168103\"");

			assertThat(CONTRACT.violations(Call.of("GET", "/recordings/r1"), Answer.json(200, sizeAsText)))
				.singleElement()
				.asString()
				.contains("validation.response.body.schema.type", "/sizeBytes");
		}

		@Test
		void aSuccessStatusTheOperationDoesNotHave() {
			assertThat(CONTRACT.violations(Call.of("DELETE", "/webhooks/w1"), Answer.json(200, "{}")))
				.anySatisfy((violation) -> assertThat(violation).contains("validation.response.status.unknown"));
		}

	}

	static String requestExample(String operation) {
		return switch (operation) {
			case "POST /messages" -> "{\"roomId\":\"r1\",\"markdown\":\"hello\"}";
			case "POST /webhooks" -> "{\"name\":\"Recording bot\",\"targetUrl\":\"https://bot.example.com/webhook\","
					+ "\"resource\":\"messages\",\"event\":\"created\"}";
			case "PUT /webhooks/{webhookId}" ->
				"{\"name\":\"Recording bot\",\"targetUrl\":\"https://bot.example.com/webhook\",\"status\":\"active\"}";
			default -> throw new IllegalArgumentException(operation);
		};
	}

}
