package io.github.recordingbot.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official Webex OpenAPI spec as a test oracle: checks a request to Webex, and the
 * answer a fake gave to it, against the extract in
 * {@code src/test/resources/webex-openapi} (the operations the bot calls, see the README
 * there). Paths are given without the API base path ({@code /v1}, {@code /sim/v1}), as
 * the spec writes them.
 */
public final class WebexContract {

	/** Where the extracts live, for messages that send the reader there. */
	public static final String SOURCE = "src/test/resources/webex-openapi";

	private static final String[] EXTRACTS = { "webex-messaging-extract.json", "webex-meeting-extract.json" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Where the official spec contradicts Webex itself (and its own examples): each rule
	 * is as narrow as the mistake.
	 */
	private static final ValidationErrorsWhitelist SPEC_ERRATA = ValidationErrorsWhitelist.create()
		// The spec's Attachment is an Enterprise Content Management file (content: File,
		// no contentType), but a message's attachments are cards:
		// {contentType: application/vnd.microsoft.card.adaptive, content: <card>}, as the
		// spec's own POST /messages example and the cards guide show.
		// https://developer.webex.com/docs/api/guides/cards
		.withRule("Message attachments are cards, not files",
				WhitelistRules.allOf(WhitelistRules.pathContainsRegexp("^/messages(/[^/]+)?$"),
						WhitelistRules.messageContainsRegexp("\\[Path '(/items/\\d+)?/attachments/\\d+(/[^']*)?'\\]")))
		// PMRObject declares telephony.links an object; the spec's own example, and every
		// other meeting schema in it, make it an array of links.
		.withRule("Personal room telephony.links is an array",
				WhitelistRules.allOf(WhitelistRules.pathContainsSubstring("/meetingPreferences/personalMeetingRoom"),
						WhitelistRules.messageHasKey("validation.response.body.schema.type"),
						WhitelistRules.messageContainsSubstring("[Path '/telephony/links']")));

	private final List<Spec> specs;

	private WebexContract(List<Spec> specs) {
		this.specs = specs;
	}

	/** The contract of the vendored extracts; parsed once per JVM. */
	public static WebexContract official() {
		return Holder.OFFICIAL;
	}

	/**
	 * Strips the API base path: {@code /v1/people/me} and {@code /sim/v1/people/me} are
	 * both {@code /people/me}.
	 */
	public static String apiPath(String path) {
		for (String base : new String[] { "/sim/v1", "/v1" }) {
			if (path.startsWith(base + "/")) {
				return path.substring(base.length());
			}
		}
		return path;
	}

	/** What is wrong with a request; empty when the spec allows it. */
	public List<String> violations(Call call) {
		return check(call, null);
	}

	/**
	 * What is wrong with a request and its answer; empty when the spec allows both. An
	 * answer is checked when it is a success: the spec documents no error bodies, and
	 * tests fake errors on purpose.
	 */
	public List<String> violations(Call call, Answer answer) {
		return check(call, answer);
	}

	/**
	 * The operations of the extracts, as {@code METHOD /path/{param}}: what the bot may
	 * call.
	 */
	public List<String> operations() {
		return this.specs.stream().flatMap((spec) -> spec.operations.keySet().stream()).toList();
	}

	/** The examples the spec gives for an operation's success answer, by status. */
	public Map<Integer, JsonNode> examples(String operation) {
		for (Spec spec : this.specs) {
			JsonNode node = spec.operations.get(operation);
			if (node != null) {
				Map<Integer, JsonNode> examples = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> response : node.path("responses").properties()) {
					for (JsonNode content : response.getValue().path("content")) {
						if (content.has("example") && response.getKey().startsWith("2")) {
							examples.put(Integer.valueOf(response.getKey()), content.get("example"));
						}
					}
				}
				return examples;
			}
		}
		throw new IllegalArgumentException("Not in the extracts: " + operation);
	}

	/** The operation of the extracts a call would reach, or {@code null}. */
	public String operation(String method, String path) {
		// A literal path wins over a template: /people/me is not /people/{personId}.
		for (boolean literal : new boolean[] { true, false }) {
			for (Spec spec : this.specs) {
				for (Map.Entry<String, Pattern> template : spec.paths.entrySet()) {
					String operation = method.toUpperCase(Locale.ROOT) + " " + template.getKey();
					if (template.getKey().contains("{") != literal && template.getValue().matcher(path).matches()
							&& spec.operations.containsKey(operation)) {
						return operation;
					}
				}
			}
		}
		return null;
	}

	private List<String> check(Call call, Answer answer) {
		Spec spec = this.specs.stream().filter((s) -> s.documents(call.path())).findFirst().orElse(null);
		if (spec == null) {
			return List.of("[undocumented] No operation of the Webex spec extract (" + SOURCE + ") has the path "
					+ call.path() + "; if the bot now calls it, add it to scripts/extract-webex-spec.py");
		}
		SimpleRequest request = call.toRequest();
		ValidationReport report = (answer != null && answer.status() / 100 == 2)
				? spec.validator.validate(request, answer.toResponse()) : spec.validator.validateRequest(request);
		List<String> violations = new ArrayList<>();
		for (ValidationReport.Message message : report.getMessages()) {
			if (message.getLevel() == Level.ERROR) {
				violations.add(describe(message));
			}
		}
		return violations;
	}

	private static String describe(ValidationReport.Message message) {
		StringBuilder text = new StringBuilder("[").append(message.getKey()).append("] ").append(message.getMessage());
		for (ValidationReport.Message nested : message.getNestedMessages()) {
			text.append("; ").append(nested.getMessage());
		}
		return text.toString();
	}

	/**
	 * A request to Webex.
	 *
	 * @param method the HTTP method
	 * @param path the path without the API base path, e.g. {@code /people/me}
	 * @param query the raw query string without {@code ?}, or {@code null}
	 * @param headers the request headers
	 * @param body the request body, or {@code null}
	 */
	public record Call(String method, String path, String query, Map<String, List<String>> headers, String body) {

		/** A call without headers or body; {@code pathAndQuery} may hold a query. */
		public static Call of(String method, String pathAndQuery) {
			int question = pathAndQuery.indexOf('?');
			String path = (question < 0) ? pathAndQuery : pathAndQuery.substring(0, question);
			String query = (question < 0) ? null : pathAndQuery.substring(question + 1);
			return new Call(method, path, query, Map.of(), null);
		}

		public Call withHeader(String name, List<String> values) {
			Map<String, List<String>> headers = new LinkedHashMap<>(this.headers);
			headers.put(name, List.copyOf(values));
			return new Call(this.method, this.path, this.query, headers, this.body);
		}

		/** A JSON body, sent as Webex expects it. */
		public Call withJsonBody(String json) {
			return new Call(this.method, this.path, this.query, this.headers, json).withHeader("Content-Type",
					List.of("application/json"));
		}

		SimpleRequest toRequest() {
			SimpleRequest.Builder request = new SimpleRequest.Builder(this.method, this.path);
			this.headers.forEach(request::withHeader);
			queryParams(this.query).forEach(request::withQueryParam);
			if (this.body != null && !this.body.isEmpty()) {
				request.withBody(this.body);
			}
			return request.build();
		}

		private static Map<String, List<String>> queryParams(String query) {
			Map<String, List<String>> params = new LinkedHashMap<>();
			if (query == null || query.isEmpty()) {
				return params;
			}
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = decode((equals < 0) ? pair : pair.substring(0, equals));
				String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
				params.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
			return params;
		}

		private static String decode(String text) {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}

	}

	/**
	 * Webex's (or a fake's) answer.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the body, or {@code null}
	 */
	public record Answer(int status, Map<String, List<String>> headers, String body) {

		/** A JSON answer with the content type Webex sends. */
		public static Answer json(int status, String body) {
			return new Answer(status, Map.of("Content-Type", List.of("application/json;charset=UTF-8")), body);
		}

		SimpleResponse toResponse() {
			SimpleResponse.Builder response = new SimpleResponse.Builder(this.status);
			this.headers.forEach(response::withHeader);
			if (this.body != null && !this.body.isEmpty()) {
				response.withBody(this.body);
			}
			return response.build();
		}

	}

	/** One extract: its validator, its path templates and its operations. */
	private static final class Spec {

		final OpenApiInteractionValidator validator;

		final Map<String, Pattern> paths = new LinkedHashMap<>();

		final Map<String, JsonNode> operations = new LinkedHashMap<>();

		Spec(String json) {
			this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
				.withLevelResolver(LevelResolver.create()
					// Not an error by default in the library: a parameter Webex does not
					// document is one it ignores, so the bot would not get what it asked
					// for.
					.withLevel("validation.request.parameter.query.unexpected", Level.ERROR)
					// The library closes every schema (additionalProperties: false)
					// unless
					// told otherwise; the spec leaves them open, and Webex answers with
					// fields it does not document: the spec's own examples do (Message
					// html and updated, password and shareToMe in /admin/recordings). A
					// request field Webex does not know stays an error: it would be
					// ignored.
					.withLevel("validation.response.body.schema.additionalProperties", Level.IGNORE)
					.build())
				.withWhitelist(SPEC_ERRATA)
				.build();
			for (Map.Entry<String, JsonNode> path : JSON.readTree(json).path("paths").properties()) {
				this.paths.put(path.getKey(), Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+")));
				for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
					if (operation.getValue().has("responses")) {
						this.operations.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
								operation.getValue());
					}
				}
			}
		}

		boolean documents(String path) {
			return this.paths.values().stream().anyMatch((template) -> template.matcher(path).matches());
		}

	}

	private static final class Holder {

		static final WebexContract OFFICIAL = new WebexContract(
				Arrays.stream(EXTRACTS).map(Holder::read).map(Spec::new).toList());

		private static String read(String name) {
			try (InputStream in = WebexContract.class.getResourceAsStream("/webex-openapi/" + name)) {
				if (in == null) {
					throw new IllegalStateException("Missing /webex-openapi/" + name + " on the test classpath");
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
