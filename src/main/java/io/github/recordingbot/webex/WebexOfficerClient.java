package io.github.recordingbot.webex;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.github.recordingbot.webex.WebexModels.Items;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.PersonalMeetingRoom;
import io.github.recordingbot.webex.WebexModels.Recording;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The Compliance Officer's Webex client: meetings, recordings and personal-room
 * preferences. Its interceptor ({@link OfficerAuthorization}) sets the officer's token
 * and refreshes it once when Webex refuses it, so callers never see a token. Without an
 * authorization every call throws {@link WebexNotAuthorizedException} without asking
 * Webex.
 *
 * <p>
 * These are the documented Compliance Officer endpoints, which an admin token may call as
 * well. The user-level {@code /meetings} and {@code /recordings} answer an officer-only
 * token as for the officer's own meetings.
 *
 * @see <a href="https://developer.webex.com/docs/meetings#meetings-api-scopes">Meetings
 * API scopes</a>
 */
public class WebexOfficerClient {

	private static final ParameterizedTypeReference<Items<Meeting>> MEETINGS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Items<Recording>> RECORDINGS = new ParameterizedTypeReference<>() {
	};

	private final WebexRest webex;

	private final OfficerTokens tokens;

	/**
	 * Built by {@link WebexConfiguration}, which gives it its interceptors.
	 * @param interceptors outermost first; {@link OfficerAuthorization} comes before them
	 */
	WebexOfficerClient(WebexProperties properties, RestClient.Builder builder, WebexHttp http,
			List<ClientHttpRequestInterceptor> interceptors, OfficerTokens tokens) {
		this.webex = new WebexRest(properties, builder, http, interceptors, new OfficerAuthorization(tokens));
		this.tokens = tokens;
	}

	/**
	 * The scopes the officer's authorization holds, as far as the bot knows them; empty
	 * when not authorized.
	 */
	public Set<String> grantedScopes() {
		return this.tokens.grantedScopes();
	}

	/**
	 * {@code GET /admin/meetings?meetingNumber=…}: the current scheduled meeting of the
	 * series with that number, or the series itself when no scheduled meeting is left. A
	 * meeting number identifies the meeting: there is no host parameter.
	 */
	public List<Meeting> adminMeetingsByNumber(String meetingNumber) {
		return this.webex.call("admin/meetings", () -> WebexRest
			.items(get((b) -> b.path("/admin/meetings").queryParam("meetingNumber", meetingNumber).build(), MEETINGS)));
	}

	/**
	 * {@code GET /admin/meetings?webLink=…}: the meetings behind a meeting's link. The
	 * spec asks for the "URL encoded link": the link goes in as a URI variable, which the
	 * builder encodes exactly once and completely ({@code https%3A%2F%2F…}), as in the
	 * spec's example; a literal query value would keep {@code :/?} unencoded. The caller
	 * passes only links it has checked.
	 */
	public List<Meeting> adminMeetingsByLink(String webLink) {
		return this.webex.call("admin/meetings", () -> WebexRest
			.items(get((b) -> b.path("/admin/meetings").queryParam("webLink", "{webLink}").build(webLink), MEETINGS)));
	}

	/**
	 * {@code GET /admin/meetings/{id}}: a series, scheduled meeting or meeting instance.
	 */
	public Meeting adminMeeting(String meetingId) {
		return this.webex.call("admin/meetings/{id}",
				() -> get((b) -> b.path("/admin/meetings/{id}").build(meetingId), Meeting.class));
	}

	/**
	 * {@code GET /admin/recordings?meetingId=…}, all pages up to the page cap: every
	 * recording of a series (or of one scheduled meeting or instance). Webex ignores
	 * {@code from} and {@code to} with a meeting id, so the caller keeps its own window.
	 */
	public List<Recording> adminRecordingsOfMeeting(String meetingId) {
		URI first = this.webex.uri("/admin/recordings")
			.queryParam("meetingId", meetingId)
			.queryParam("max", 100)
			.build();
		return this.webex.call("admin/recordings", () -> this.webex.getAll(first, RECORDINGS));
	}

	/**
	 * {@code GET /admin/recordings?from=…&to=…}, all pages up to the page cap: the
	 * recordings of the officer's site in the window, at most 30 days long.
	 */
	public List<Recording> adminRecordingsBetween(Instant from, Instant to) {
		URI first = window(from, to).queryParam("max", 100).build();
		return this.webex.call("admin/recordings", () -> this.webex.getAll(first, RECORDINGS));
	}

	/**
	 * {@code GET /admin/recordings?from=…&to=…&max=1}, one page: the cheapest call that
	 * tells whether the authorization may list recordings.
	 */
	public List<Recording> adminRecordingsProbe(Instant from, Instant to) {
		URI first = window(from, to).queryParam("max", 1).build();
		return this.webex.call("admin/recordings",
				() -> WebexRest.items(this.webex.rest().get().uri(first).retrieve().body(RECORDINGS)));
	}

	/**
	 * {@code GET /recordings/{id}}: the details, the only place with temporary links. A
	 * Compliance Officer must not send {@code hostEmail} here.
	 */
	public Recording recording(String recordingId) {
		return this.webex.call("recordings/{id}",
				() -> get((b) -> b.path("/recordings/{id}").build(recordingId), Recording.class));
	}

	/**
	 * {@code GET /meetingPreferences/personalMeetingRoom?userEmail=…}: {@code userEmail}
	 * is honoured only with {@code meeting:admin_preferences_read}; any other token gets
	 * its own personal room, so callers ask only when that scope was granted.
	 */
	public PersonalMeetingRoom personalMeetingRoom(String userEmail) {
		return this.webex.call("meetingPreferences/personalMeetingRoom", () -> get(
				(b) -> b.path("/meetingPreferences/personalMeetingRoom").queryParam("userEmail", userEmail).build(),
				PersonalMeetingRoom.class));
	}

	private UriBuilder window(Instant from, Instant to) {
		return this.webex.uri("/admin/recordings").queryParam("from", from.toString()).queryParam("to", to.toString());
	}

	private <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
		return this.webex.rest().get().uri(uri).retrieve().body(type);
	}

	private <T> T get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
		return this.webex.rest().get().uri(uri).retrieve().body(type);
	}

}
