package io.github.recordingbot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed but malformed deliveries through the real HTTP endpoint: hand-written nasty
 * bodies and 10,000 generated from a seeded random source. Every one gets 200 (or 413
 * when too big), never a 5xx, an uncaught exception or an ERROR line. Run again with
 * {@code -Dfuzz.seed=<seed>} to repeat a failure.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookFuzzEndToEndTests extends BotEndToEndTest {

	static final int MAX_BODY = 64 * 1024;

	/**
	 * The bot's own message: if a mutation leaves it usable, it is dropped before any
	 * Webex call.
	 */
	static final String BASE = WebexFake.envelope("messages", WebexFake.id("MESSAGE", "fuzz"), WebexFake.BOT_ID,
			"recordings@webex.bot", "direct");

	static final String[] VALUES = { "null", "true", "false", "0", "-0", "1e999999", "-1E-999999",
			"123456789012345678901234567890", "9".repeat(5000), "NaN", "Infinity", "\"\"", "\"\\u0000\"", "\"\\uD800\"",
			"\"\\uDFFF\\uD800\"", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "{\"id\":{}}", "\"a\\\"b\"",
			"\"\u202e\u0000\u00ff\"", "'single'", "undefined", "0x1F", "1.", ".5", "+1",
			"\"" + "x".repeat(17_000) + "\"" };

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void handWrittenMalformedSignedBodiesGetNoServerError(CapturedOutput output) throws Exception {
		Map<String, byte[]> bodies = handWritten();
		assertThat(bodies).hasSizeGreaterThanOrEqualTo(40);

		for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
			int status = post(body.getValue(), true);
			assertThat(status).as("%s (%d bytes)", body.getKey(), body.getValue().length)
				.isEqualTo((body.getValue().length > MAX_BODY) ? 413 : 200);
		}
		assertNoErrors(output);
	}

	@Test
	void tenThousandGeneratedSignedBodiesGetNoServerError(CapturedOutput output) throws Exception {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		SplittableRandom random = new SplittableRandom(seed);
		int[] statuses = new int[600];

		for (int i = 0; i < 10_000; i++) {
			byte[] body = generate(random);
			int status = post(body, true);
			statuses[status]++;
			assertThat(status)
				.as("body %d of seed %d (run again with -Dfuzz.seed=%d): %s", i, seed, seed, preview(body))
				.isEqualTo((body.length > MAX_BODY) ? 413 : 200);
		}
		assertThat(statuses[200]).as("seed %d", seed).isGreaterThan(9_000);
		// Proves the capture sees the bot's log lines, so the check below means
		// something.
		assertThat(output.getAll()).contains("Ignored a signed");
		assertNoErrors(output);
	}

	@Test
	void bodyOverTheCapWithContentLengthGets413() throws Exception {
		assertThat(post(new byte[MAX_BODY + 1], true)).isEqualTo(413);
		assertThat(post(new byte[MAX_BODY], true)).isEqualTo(200);
	}

	@Test
	void chunkedBodyOverTheCapWithoutContentLengthGets413() throws Exception {
		for (int size : new int[] { MAX_BODY + 1, 1024 * 1024 }) {
			byte[] body = new byte[size];
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/webhook"))
				.header("Content-Type", "application/json")
				.header("X-Spark-Signature", WebexFake.sign(WebexFake.SECRET, body))
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
				.build();
			assertThat(this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
				.as("%d bytes", size)
				.isEqualTo(413);
		}
	}

	@Test
	void unsignedOversizedBodyGets413BeforeTheSignatureIsChecked() throws Exception {
		assertThat(post(new byte[MAX_BODY + 1], false)).isEqualTo(413);
	}

	// bodies
	// ------------------------------------------------------------------------------------

	static Map<String, byte[]> handWritten() {
		Map<String, byte[]> b = new LinkedHashMap<>();
		byte[] base = BASE.getBytes(StandardCharsets.UTF_8);
		b.put("empty", new byte[0]);
		b.put("whitespace", utf8(" \n\t\r "));
		b.put("open brace", utf8("{"));
		b.put("close brace", utf8("}"));
		b.put("null", utf8("null"));
		b.put("array", utf8("[]"));
		b.put("string", utf8("\"envelope\""));
		b.put("number", utf8("42"));
		b.put("truncated in half", Arrays.copyOf(base, base.length / 2));
		b.put("truncated by one byte", Arrays.copyOf(base, base.length - 2));
		b.put("trailing garbage", concat(base, utf8("garbage")));
		b.put("trailing brace", concat(base, utf8("}")));
		b.put("two documents", concat(base, base));
		b.put("invalid UTF-8 in a string", replace("Recording bot", new byte[] { (byte) 0xC3, 0x28 }));
		b.put("lone 0xFF first", concat(new byte[] { (byte) 0xFF }, base));
		b.put("overlong UTF-8", replace("Recording bot", new byte[] { (byte) 0xC0, (byte) 0xAF }));
		b.put("UTF-16 with BOM", BASE.getBytes(StandardCharsets.UTF_16));
		b.put("UTF-8 BOM", concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, base));
		b.put("deep arrays", utf8("[".repeat(10_000) + "]".repeat(10_000)));
		b.put("deep objects in data", utf8(
				BASE.replace("\"data\":{", "\"data\":{\"x\":" + "{\"a\":".repeat(500) + "1" + "}".repeat(500) + ",")));
		b.put("huge exponent", utf8(BASE.replace("\"event\":\"created\"", "\"event\":\"created\",\"n\":1e999999")));
		b.put("5000-digit number",
				utf8(BASE.replace("\"event\":\"created\"", "\"event\":\"created\",\"n\":" + "9".repeat(5000))));
		b.put("NaN literal", utf8(BASE.replace("\"event\":\"created\"", "\"event\":\"created\",\"n\":NaN")));
		b.put("data.id number", dataId("12345678901234567890"));
		b.put("data.id object", dataId("{\"id\":\"x\"}"));
		b.put("data.id array", dataId("[\"x\"]"));
		b.put("data.id null", dataId("null"));
		b.put("data.id empty", dataId("\"\""));
		b.put("data.id lone surrogate", dataId("\"\\uD800\""));
		b.put("data.id 17 KiB", dataId("\"" + "x".repeat(17 * 1024) + "\""));
		b.put("data.id path traversal", dataId("\"../../people/me\""));
		b.put("missing data.id", utf8(BASE.replaceFirst("\"data\":\\{\"id\":\"[^\"]*\",", "\"data\":{")));
		b.put("missing data", utf8(BASE.replaceFirst(",\\s*\"data\":\\{[^}]*\\}", "")));
		b.put("data string", utf8(BASE.replaceFirst("\"data\":\\{[^}]*\\}", "\"data\":\"x\"")));
		b.put("data array", utf8(BASE.replaceFirst("\"data\":\\{[^}]*\\}", "\"data\":[1,2]")));
		b.put("unknown resource", utf8(BASE.replace("\"resource\":\"messages\"", "\"resource\":\"rooms\"")));
		b.put("empty resource", utf8(BASE.replace("\"resource\":\"messages\"", "\"resource\":\"\"")));
		b.put("resource number", utf8(BASE.replace("\"resource\":\"messages\"", "\"resource\":7")));
		b.put("deleted event", utf8(BASE.replace("\"event\":\"created\"", "\"event\":\"deleted\"")));
		b.put("duplicate resource", utf8(BASE.replace("\"resource\":\"messages\"",
				"\"resource\":\"messages\",\"resource\":\"attachmentActions\"")));
		b.put("duplicate data.id", utf8(BASE.replace("\"data\":{", "\"data\":{\"id\":\"dup\",")));
		b.put("16 KiB name", utf8(BASE.replace("\"Recording bot\"", "\"" + "n".repeat(16 * 1024 + 1) + "\"")));
		b.put("2000-char e-mail", utf8(BASE.replace("recordings@webex.bot", "a".repeat(2000) + "@webex.bot")));
		b.put("created not a date",
				utf8(BASE.replace("\"created\":\"" + WebexFake.createdOf(BASE) + "\"", "\"created\":\"soon\"")));
		b.put("created number",
				utf8(BASE.replace("\"created\":\"" + WebexFake.createdOf(BASE) + "\"", "\"created\":1")));
		b.put("raw control character", utf8(BASE.replace("Recording bot", "Recording\u0001bot")));
		b.put("NUL byte", replace("Recording bot", new byte[] { 0 }));
		b.put("unterminated string", utf8("{\"resource\":\"messages"));
		b.put("single quotes", utf8(BASE.replace('"', '\'')));
		b.put("comment", utf8("/* hi */" + BASE));
		b.put("trailing comma", utf8(BASE.replace("\"status\":\"active\"", "\"status\":\"active\",}")));
		b.put("unquoted key", utf8(BASE.replace("\"status\":", "status:")));
		b.put("10,000 keys", utf8(manyKeys(10_000)));
		b.put("60 KiB number array", utf8("[" + "1,".repeat(30_000) + "1]"));
		b.put("just over the cap", concat(base, utf8(" ".repeat(MAX_BODY))));
		return b;
	}

	static byte[] generate(SplittableRandom random) {
		byte[] body = BASE.getBytes(StandardCharsets.UTF_8);
		int mutations = 1 + random.nextInt(3);
		for (int m = 0; m < mutations; m++) {
			body = mutate(body, random);
		}
		return body;
	}

	private static byte[] mutate(byte[] body, SplittableRandom random) {
		int at = (body.length == 0) ? 0 : random.nextInt(body.length);
		switch (random.nextInt(10)) {
			case 0:
				return Arrays.copyOf(body, at);
			case 1:
				return concat(body, randomBytes(random, 1 + random.nextInt(64)));
			case 2: {
				byte[] copy = body.clone();
				if (copy.length > 0) {
					copy[at] = (byte) random.nextInt(256);
				}
				return copy;
			}
			case 3:
				return splice(body, at, at, randomBytes(random, 1 + random.nextInt(16)));
			case 4:
				return splice(body, at, Math.min(body.length, at + 1 + random.nextInt(32)), new byte[0]);
			case 5: {
				int colon = indexOf(body, (byte) ':', at);
				if (colon < 0) {
					return body;
				}
				int end = valueEnd(body, colon + 1);
				return splice(body, colon + 1, end, utf8(VALUES[random.nextInt(VALUES.length)]));
			}
			case 6:
				return randomBytes(random, random.nextInt(2048));
			case 7: {
				int to = Math.min(body.length, at + random.nextInt(64));
				return splice(body, at, at, Arrays.copyOfRange(body, at, to));
			}
			case 8: {
				int depth = 1 + random.nextInt(200);
				return utf8("[".repeat(depth) + new String(body, StandardCharsets.ISO_8859_1)
						+ "]".repeat(random.nextInt(depth + 1)));
			}
			default: {
				byte[] copy = body.clone();
				for (int i = 0; i < copy.length; i++) {
					if (copy[i] == '"' && random.nextInt(8) == 0) {
						copy[i] = (byte) "'{}[],:\\\u0000".charAt(random.nextInt(9));
					}
				}
				return copy;
			}
		}
	}

	// helpers
	// -----------------------------------------------------------------------------------

	int post(byte[] body, boolean signed) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signed) {
			request.header("X-Spark-Signature", WebexFake.sign(WebexFake.SECRET, body));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	static void assertNoErrors(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain(" ERROR ")
			.doesNotContain("Exception in thread")
			.doesNotContain("Uncaught");
	}

	static byte[] dataId(String json) {
		return utf8(
				BASE.replaceFirst("\"data\":\\{\"id\":\"[^\"]*\"", "\"data\":{\"id\":" + json.replace("\\", "\\\\")));
	}

	static byte[] replace(String text, byte[] bytes) {
		String[] parts = BASE.split(text, 2);
		return concat(concat(utf8(parts[0]), bytes), utf8(parts[1]));
	}

	static String manyKeys(int count) {
		StringBuilder data = new StringBuilder();
		for (int i = 0; i < count; i++) {
			data.append("\"k").append(i).append("\":").append(i).append(',');
		}
		return BASE.replace("\"data\":{", "\"data\":{" + data);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	static byte[] splice(byte[] body, int from, int to, byte[] insert) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(body, 0, from);
		out.writeBytes(insert);
		out.write(body, to, body.length - to);
		return out.toByteArray();
	}

	static byte[] randomBytes(SplittableRandom random, int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

	static int indexOf(byte[] body, byte b, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == b) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The end of the JSON value starting at {@code from}: a rough cut at the next , or }.
	 */
	static int valueEnd(byte[] body, int from) {
		boolean inString = false;
		for (int i = from; i < body.length; i++) {
			if (body[i] == '"' && (i == 0 || body[i - 1] != '\\')) {
				inString = !inString;
			}
			else if (!inString && (body[i] == ',' || body[i] == '}' || body[i] == ']')) {
				return i;
			}
		}
		return body.length;
	}

	static String preview(byte[] body) {
		String text = new String(body, StandardCharsets.ISO_8859_1);
		return (text.length() > 300) ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text;
	}

}
