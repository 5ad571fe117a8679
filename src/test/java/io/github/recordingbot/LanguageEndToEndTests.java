package io.github.recordingbot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static io.github.recordingbot.support.BotTestSupport.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot answers in the language of {@code config.json}, and a change of language is
 * picked up by the file watcher without a restart.
 */
class LanguageEndToEndTests extends BotEndToEndTest {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-000000000001");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void repliesInCzechAfterTheConfigFileSwitchesLanguage() {
		send("help-en", "help");
		assertThat(JSON.readTree(awaitReplies(1).get(0)).get("markdown").asString())
			.startsWith("I get you temporary download links");

		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG.replace("en_US", "cs_CZ"));
		await().atMost(Duration.ofSeconds(15)).until(() -> "cs_CZ".equals(this.config.current().language()));
		send("help-cs", "help");
		send("usage-cs", "rec abc");
		WEBEX.noMeetings("123456789");
		send("nodata-cs", "rec 123456789");

		awaitReplies(4);
		JsonNode help = JSON
			.readTree(WEBEX.replies().stream().filter((r) -> r.contains("Pošlu vám")).findFirst().orElseThrow());
		assertThat(help.get("markdown").asString()).startsWith("Pošlu vám dočasné odkazy ke stažení");
		JsonNode card = help.get("attachments").get(0).get("content");
		assertThat(card.toString()).contains("Číslo schůzky").contains("Získat záznamy");
		assertThat(WEBEX.replies()).anySatisfy((r) -> assertThat(r).contains("Tomu nerozumím"))
			.anySatisfy((r) -> assertThat(r).contains("Žádná schůzka 123456789 hostitele alice@example.com"));
	}

	void send(String name, String text) {
		String messageId = WebexFake.id("MESSAGE", "lang-" + name + "-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, "alice@example.com", "direct", text);
		byte[] body = WebexFake.envelope("messages", messageId, ALICE, "alice@example.com", "direct")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(WebexFake.deliver(this.port, body, WebexFake.SECRET).statusCode()).isEqualTo(200);
	}

}
