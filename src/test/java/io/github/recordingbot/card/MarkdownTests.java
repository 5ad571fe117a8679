package io.github.recordingbot.card;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from users or from Webex shows as text in messages and cards: no link, no
 * formatting, no list; the bot's own links stay links.
 */
class MarkdownTests {

	@Test
	void escapeKeepsALinkInATitleFromBecomingALink() {
		assertThat(Markdown.escape("[click](https://evil.example)")).isEqualTo("\\[click\\](https\\://evil.example)");
	}

	@Test
	void escapeKeepsABareAddressFromBeingLinkedAutomatically() {
		assertThat(Markdown.escape("see https://evil.example now")).isEqualTo("see https\\://evil.example now");
	}

	@Test
	void escapeKeepsFormattingCharactersAsText() {
		assertThat(Markdown.escape("**bold** _it_ `code` <b> ~x~ a|b \\"))
			.isEqualTo("\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\<b\\> \\~x\\~ a\\|b \\\\");
	}

	@Test
	void escapeKeepsALeadingListOrHeadingMarkerAsText() {
		assertThat(Markdown.escape("- Planning")).isEqualTo("\\- Planning");
		assertThat(Markdown.escape("+ Planning")).isEqualTo("\\+ Planning");
		assertThat(Markdown.escape("# Planning")).isEqualTo("\\# Planning");
		assertThat(Markdown.escape("1. Planning")).isEqualTo("1\\. Planning");
		assertThat(Markdown.escape("2024) Planning")).isEqualTo("2024\\) Planning");
	}

	@Test
	void escapeLeavesOrdinaryTitlesAlone() {
		assertThat(Markdown.escape("Q3 review - 2026-11-20, 10:00 (Prague)"))
			.isEqualTo("Q3 review - 2026-11-20, 10:00 (Prague)");
		assertThat(Markdown.escape("alice@example.com")).isEqualTo("alice@example.com");
	}

	@Test
	void escapePutsLineBreaksOnOneLine() {
		assertThat(Markdown.escape("a\r\nb\nc")).isEqualTo("a  b c");
		assertThat(Markdown.escape(null)).isEmpty();
	}

	@Test
	void linkEscapesTheLabelAndKeepsTheAddressFromEndingTheLinkEarly() {
		assertThat(Markdown.link("Video [HD]", "https://s.webex.com/v/A (1).mp4?t=a)b"))
			.isEqualTo("[Video \\[HD\\]](https://s.webex.com/v/A%20%281%29.mp4?t=a%29b)");
	}

	@Test
	void linkLeavesAnOrdinaryAddressByteForByte() {
		String url = "https://s.webex.com/v/Weekly%20sync.mp4?ticket=abc%2Bdef&r=1";

		assertThat(Markdown.link("Video", url)).isEqualTo("[Video](" + url + ")");
	}

}
