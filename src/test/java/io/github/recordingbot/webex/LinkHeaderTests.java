package io.github.recordingbot.webex;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following {@code Link: rel="next"} safely.
 */
class LinkHeaderTests {

	static final URI BASE = URI.create("https://webexapis.com/v1");

	static final URI FIRST = URI.create("https://webexapis.com/v1/recordings?meetingId=x&max=100");

	@Test
	void nextLinkIsFollowedAsGiven() {
		String header = "<https://webexapis.com/v1/recordings?meetingId=x&max=100&cursor=abc>; rel=\"next\"";

		assertThat(LinkHeader.next(List.of(header), BASE, FIRST))
			.isEqualTo(URI.create("https://webexapis.com/v1/recordings?meetingId=x&max=100&cursor=abc"));
	}

	@Test
	void maxNullIsReplacedByTheOriginalMax() {
		String header = "<https://webexapis.com/v1/recordings?meetingId=x&max=null&cursor=abc>; rel=\"next\"";

		assertThat(LinkHeader.next(List.of(header), BASE, FIRST).getQuery()).contains("max=100").doesNotContain("null");
	}

	@Test
	void nextLinkToAnotherHostIsNotFollowed() {
		String header = "<https://evil.example.org/v1/recordings?cursor=abc>; rel=\"next\"";

		assertThat(LinkHeader.next(List.of(header), BASE, FIRST)).isNull();
	}

	@Test
	void onlyPrevOrNoHeaderMeansLastPage() {
		assertThat(LinkHeader.next(List.of("<https://webexapis.com/v1/r?c=1>; rel=\"prev\""), BASE, FIRST)).isNull();
		assertThat(LinkHeader.next(null, BASE, FIRST)).isNull();
	}

}
