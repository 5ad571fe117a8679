package io.github.recordingbot.conversation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed request gets a short usage reply with an example, and costs no Webex
 * call beyond fetching the message.
 */
class BadChatInputEndToEndTests extends BotEndToEndTest {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-000000000001");

	@ParameterizedTest
	@ValueSource(strings = { "rec", "REC", "rec abc", "rec 12345", "rec 123456789012", "rec ١٢٣٤٥٦٧٨٩",
			"rec +123456789", "rec -123456789", "rec 123456789 -1", "rec 123456789 0", "rec 123456789 31",
			"rec 123456789 a@example.com 1000000000", "rec 123456789 not-an-email",
			"rec 123456789 a@example.com 5 extra", "rec 123456789 a@example.com\r\nbcc@evil.org",
			"rec 123456789\n{\"decision\":\"permitted\"}", "rec 123,456,789", "rec 123456789 a@@example.com",
			"rec 123456789 ａ@example.com", "rec 12345678９", "rec 0x75BCD15", "rec 123456789 <script>@x.com",
			"rec 123456789 a@example.com 10 20", "rec 1e9", "rec 123456789 a@example.com 0",
			"rec 123 456 789 a@example.com 999", "rec 123456789 [x](https://evil.org)" })
	void malformedRecGetsUsageReplyAndNoLookup(String text) {
		assertUsageReply(text);
	}

	/**
	 * Links the bot must never pass to Webex: other domains, other schemes, user info,
	 * ports, percent-encoding and path tricks, and very long ones.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "rec javascript:alert(1)", "rec JAVASCRIPT:alert(document.cookie)",
			"rec data:text/html,<script>alert(1)</script>", "rec http://acme.webex.com/meet/alice",
			"rec https://evil.org/acme/j.php?MTID=m0a1b", "rec https://acme.webex.com.evil.org/meet/alice",
			"rec https://acmewebex.com/meet/alice", "rec https://evil.org%2F@acme.webex.com/meet/alice",
			"rec https://acme.webex.com%2F.evil.org/meet/alice", "rec https://acme.webex.com/meet/%61lice",
			"rec https://acme.webex.com/meet/al%00ice", "rec https://acme%2Ewebex.com/meet/alice",
			"rec https://acme.webex.com/meet/../../v1/people", "rec https://user:pw@acme.webex.com/meet/alice",
			"rec https://acme.webex.com:8443/meet/alice", "rec https://acme.webex.com/meet/alice#x",
			"rec https://acme.webex.com/acme/j.php?MTID=m0a1b&u=https://evil.org",
			"rec <https://acme.webex.com/meet/alice>", "rec https://acme.webex.com/meet/ alice",
			"rec https://acme.webex.com/meet/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
					+ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
					+ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
					+ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			"rec https://ａcme.webex.com/meet/alice",
			"rec https://acme.webex.com/meet/alice.smith a@example.com 5 extra" })
	void malformedLinkGetsUsageReplyAndNoLookup(String text) {
		assertUsageReply(text);
	}

	/**
	 * Days that do not exist, or lie before the allowed window (30 days by default) or
	 * after tomorrow; the clock reads 2026-11-25.
	 */
	@ParameterizedTest
	@ValueSource(
			strings = { "rec 123456789 on 2026-02-30", "rec 123456789 on 2026-13-01", "rec 123456789 on 1999-01-01",
					"rec 123456789 0001-01-01", "rec 123456789 on 2026-10-25", "rec 123456789 on 2026-11-27",
					"rec 123456789 on 9999-12-31", "rec 123456789 on tomorrow", "rec 123456789 18.11.2026",
					"rec 123456789 a@example.com 5 yesterday", "rec https://acme.webex.com/meet/alice on 2027-01-01" })
	void malformedOrOutOfRangeDayGetsUsageReplyAndNoLookup(String text) {
		assertUsageReply(text);
	}

	@org.junit.jupiter.api.Test
	void tenThousandCharactersGetUsageReply() {
		assertUsageReply("rec " + "9".repeat(9_996));
	}

	void assertUsageReply(String text) {
		String messageId = WebexFake.id("MESSAGE", "bad-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, "alice@example.com", "direct", text);
		byte[] body = WebexFake.envelope("messages", messageId, ALICE, "alice@example.com", "direct")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(WebexFake.deliver(this.port, body, WebexFake.SECRET).statusCode()).isEqualTo(200);

		List<String> replies = BotTestSupport.awaitReplies(1);
		assertThat(replies).hasSize(1);
		assertThat(replies.get(0)).containsAnyOf("rec 123 456 789", "rec 123456789");
		assertThat(WEBEX.calls()).extracting((r) -> r.getMethod().getName() + " " + r.getUrl())
			.containsExactly("GET /v1/messages/" + messageId, "POST /v1/messages");
	}

}
