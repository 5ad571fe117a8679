package io.github.recordingbot.recording;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links get a file name in their path, and Webex's query stays byte for byte.
 */
class DownloadLinksTests {

	@Test
	void servletLinkGetsTheTopicAsFileNameAndKeepsTheTicket() {
		String link = "https://site.webex.com/nbr/MultiThreadDownloadServlet?siteid=1&ticket=SDJT%2FHc%3D%3D&x=1";

		assertThat(DownloadLinks.withFileName(link, "Weekly sync: Q4/plan", ".mp4")).isEqualTo(
				"https://site.webex.com/nbr/MultiThreadDownloadServlet/Weekly%20sync%3A%20Q4%2Fplan.mp4?siteid=1&ticket=SDJT%2FHc%3D%3D&x=1");
	}

	@Test
	void linkThatAlreadyEndsWithTheExtensionIsKept() {
		String link = "https://site.webex.com/files/recording.MP4?t=1";

		assertThat(DownloadLinks.withFileName(link, "x", ".mp4")).isEqualTo(link);
	}

	@Test
	void linkWithoutQueryGetsAFileName() {
		assertThat(DownloadLinks.withFileName("https://site.webex.com/nbr/downloadMedia.do", "Talk", ".mp3"))
			.isEqualTo("https://site.webex.com/nbr/downloadMedia.do/Talk.mp3");
	}

	@Test
	void missingTopicGetsAGenericName() {
		assertThat(DownloadLinks.withFileName("https://a.webex.com/d", null, ".txt"))
			.isEqualTo("https://a.webex.com/d/recording.txt");
	}

	@Test
	void missingLinkStaysMissing() {
		assertThat(DownloadLinks.withFileName(null, "x", ".mp4")).isNull();
		assertThat(DownloadLinks.withFileName(" ", "x", ".mp4")).isNull();
	}

}
