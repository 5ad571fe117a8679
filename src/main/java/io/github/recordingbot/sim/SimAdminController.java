package io.github.recordingbot.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.recordingbot.sim.SampleOrg.Person;
import io.github.recordingbot.sim.SampleOrg.Series;
import io.github.recordingbot.sim.SimResponses.Window;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The documented admin and Compliance Officer endpoints the bot's lookups use, under
 * {@code /sim/v1/admin}: both officer roles may call them, and they see the whole site.
 *
 * @see <a href=
 * "https://developer.webex.com/docs/api/v1/meetings/list-meetings-by-an-admin">List
 * Meetings By an Admin</a>
 * @see <a href=
 * "https://developer.webex.com/docs/api/v1/recordings/list-recordings-for-an-admin-or-compliance-officer">List
 * Recordings For an Admin or Compliance Officer</a>
 */
@RestController
@Profile("demo")
@RequestMapping("/sim/v1/admin")
class SimAdminController {

	static final Duration MAX_WINDOW = Duration.ofDays(30);

	private final SampleOrg org;

	private final SimCalls calls;

	private final SimTokens tokens;

	private final Clock clock;

	SimAdminController(SampleOrg org, SimCalls calls, SimTokens tokens, Clock clock) {
		this.org = org;
		this.calls = calls;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * By meeting number or web link (exactly one of them): the current scheduled meeting
	 * of the series ({@code current} defaults to true), or the series itself when asked
	 * so or when none is left.
	 */
	@GetMapping("/meetings")
	ResponseEntity<?> meetings(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestParam(required = false) String meetingNumber, @RequestParam(required = false) String webLink,
			@RequestParam(defaultValue = "true") boolean current) {
		return officerCall(auth, "GET /admin/meetings", (officer) -> {
			if ((meetingNumber == null) == (webLink == null)) {
				return SimResponses.badRequest("meetingNumber and webLink are mutually exclusive; give one");
			}
			List<Map<String, Object>> items = ((webLink != null) ? this.org.seriesByWebLink(webLink)
					: this.org.seriesByNumber(meetingNumber))
				.map((s) -> (current && s.upcoming() != null)
						? MeetingJson.adminScheduled(this.org.scheduled(s.upcomingId()).orElseThrow())
						: MeetingJson.adminSeries(s))
				.stream()
				.toList();
			return ResponseEntity.ok(Map.of("items", items));
		});
	}

	/**
	 * By id: a series (its current scheduled meeting with {@code current=true}), a
	 * scheduled meeting or an ended instance.
	 */
	@GetMapping("/meetings/{meetingId}")
	ResponseEntity<?> meeting(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String meetingId, @RequestParam(defaultValue = "false") boolean current) {
		return officerCall(auth, "GET /admin/meetings/{id}", (officer) -> {
			Optional<Series> series = this.org.series(meetingId);
			if (series.isPresent()) {
				return ResponseEntity.ok((current && series.get().upcoming() != null)
						? MeetingJson.adminScheduled(this.org.scheduled(series.get().upcomingId()).orElseThrow())
						: MeetingJson.adminSeries(series.get()));
			}
			Optional<Map<String, Object>> scheduled = this.org.scheduled(meetingId).map(MeetingJson::adminScheduled);
			if (scheduled.isPresent()) {
				return ResponseEntity.ok(scheduled.get());
			}
			return SimResponses.found(this.org.instance(meetingId)
				.map((i) -> MeetingJson.adminInstance(this.org.series(i.seriesId()).orElseThrow(), i)));
		});
	}

	/**
	 * The site's recordings, newest first: every one of a meeting (series, scheduled
	 * meeting or instance; {@code from} and {@code to} are then ignored, as documented),
	 * or those of a window of at most 30 days (default: the 7 days before {@code to}).
	 */
	@GetMapping("/recordings")
	ResponseEntity<?> recordings(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestParam(required = false) String meetingId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "available") String status,
			@RequestParam(defaultValue = "10") int max, @RequestParam(defaultValue = "0") int cursor) {
		return officerCall(auth, "GET /admin/recordings", (officer) -> {
			if (!SimResponses.validMax(max)) {
				return SimResponses.badRequest("max must be between 1 and 100");
			}
			if (meetingId != null) {
				return SimResponses.page(recordings(meetingId, status, Window.ALL), max, cursor);
			}
			Optional<Window> window = SimResponses.window(from, to, this.clock.instant());
			if (window.isEmpty()) {
				return SimResponses.badRequest("from and to must be ISO 8601 date and times");
			}
			if (window.get().reversed()) {
				return SimResponses.badRequest("from cannot be after to");
			}
			if (window.get().length().compareTo(MAX_WINDOW) > 0) {
				return SimResponses.badRequest("The interval between from and to must be within 30 days");
			}
			return SimResponses.page(recordings(null, status, window.get()), max, cursor);
		});
	}

	private List<Map<String, Object>> recordings(String meetingId, String status, Window window) {
		if (!"available".equals(status)) {
			// the sample organization has no deleted or purged recordings
			return List.of();
		}
		return this.org.series.stream()
			.flatMap((s) -> s.instances()
				.stream()
				.filter((i) -> meetingId == null || meetingId.equals(s.id()) || meetingId.equals(i.id())
						|| meetingId.equals(i.scheduledMeetingId()))
				.flatMap((i) -> i.recordings().stream())
				.filter((r) -> window.contains(r.timeRecorded()))
				.map((r) -> RecordingJson.adminItem(s, r)))
			.sorted(Comparator.comparing((Map<String, Object> r) -> (String) r.get("createTime")).reversed())
			.toList();
	}

	private ResponseEntity<?> officerCall(String auth, String endpoint, Function<Person, ResponseEntity<?>> answer) {
		this.calls.record(endpoint);
		return this.tokens.officer(auth, this.org.officer())
			.<ResponseEntity<?>>map(answer)
			.orElseGet(SimResponses::unauthorized);
	}

}
