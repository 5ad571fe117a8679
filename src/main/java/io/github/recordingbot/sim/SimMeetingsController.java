package io.github.recordingbot.sim;

import java.time.Clock;
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
 * The user-level meeting endpoints for an officer token, under {@code /sim/v1}. Webex
 * uses their {@code hostEmail} / {@code userEmail} "only if the caller has admin-level
 * scopes": under {@link OfficerRole#COMPLIANCE} they answer as for the officer itself,
 * who hosts nothing in the sample organization. The recording details answer both roles.
 *
 * @see <a href="https://developer.webex.com/docs/meetings#meetings-api-scopes">Meetings
 * API scopes</a>
 */
@RestController
@Profile("demo")
@RequestMapping("/sim/v1")
class SimMeetingsController {

	private final SampleOrg org;

	private final SimCalls calls;

	private final SimTokens tokens;

	private final OfficerRole role;

	private final Clock clock;

	SimMeetingsController(SampleOrg org, SimCalls calls, SimTokens tokens, SimProperties properties, Clock clock) {
		this.org = org;
		this.calls = calls;
		this.tokens = tokens;
		this.role = properties.officerRole();
		this.clock = clock;
	}

	@GetMapping("/meetings")
	ResponseEntity<?> meetings(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestParam(required = false) String meetingNumber, @RequestParam(required = false) String hostEmail,
			@RequestParam(defaultValue = "true") boolean current) {
		return officerCall(auth, "GET /meetings", (officer) -> {
			if (meetingNumber == null) {
				return SimResponses.badRequest("This simulator answers meetingNumber lookups only");
			}
			String host = host(officer, hostEmail);
			List<Map<String, Object>> items = this.org.seriesByNumber(meetingNumber)
				.filter((s) -> s.host().email().equalsIgnoreCase(host))
				.map((s) -> MeetingJson.forHost((current && s.upcoming() != null)
						? MeetingJson.adminScheduled(this.org.scheduled(s.upcomingId()).orElseThrow())
						: MeetingJson.adminSeries(s), s, false))
				.stream()
				.toList();
			return ResponseEntity.ok(Map.of("items", items));
		});
	}

	@GetMapping("/meetings/{meetingId}")
	ResponseEntity<?> meeting(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String meetingId, @RequestParam(required = false) String hostEmail) {
		return officerCall(auth, "GET /meetings/{id}", (officer) -> {
			String host = host(officer, hostEmail);
			Optional<Series> series = this.org.series(meetingId);
			Optional<Map<String, Object>> admin = series.map(MeetingJson::adminSeries)
				.or(() -> this.org.scheduled(meetingId).map(MeetingJson::adminScheduled))
				.or(() -> this.org.instance(meetingId)
					.map((i) -> MeetingJson.adminInstance(this.org.series(i.seriesId()).orElseThrow(), i)));
			return SimResponses.found(admin.filter((m) -> host.equalsIgnoreCase((String) m.get("hostEmail")))
				.map((m) -> MeetingJson.forHost(m, this.org.series((String) m.get("meetingSeriesId")).orElseThrow(),
						true)));
		});
	}

	@GetMapping("/recordings")
	ResponseEntity<?> recordings(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestParam(required = false) String meetingId, @RequestParam(required = false) String hostEmail,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "10") int max, @RequestParam(defaultValue = "0") int cursor) {
		return officerCall(auth, "GET /recordings", (officer) -> {
			if (!SimResponses.validMax(max)) {
				return SimResponses.badRequest("max must be between 1 and 100");
			}
			Optional<Window> window = SimResponses.window(from, to, this.clock.instant());
			if (window.isEmpty()) {
				return SimResponses.badRequest("from and to must be ISO 8601 date and times");
			}
			if (window.get().reversed()) {
				return SimResponses.badRequest("from cannot be after to");
			}
			String host = host(officer, hostEmail);
			List<Map<String, Object>> all = this.org.series.stream()
				.filter((s) -> s.host().email().equalsIgnoreCase(host))
				.flatMap((s) -> s.instances()
					.stream()
					.filter((i) -> meetingId == null || meetingId.equals(s.id()) || meetingId.equals(i.id())
							|| meetingId.equals(i.scheduledMeetingId()))
					.flatMap((i) -> i.recordings().stream())
					.filter((r) -> window.get().contains(r.timeRecorded()))
					.map((r) -> RecordingJson.item(s, r)))
				.sorted(Comparator.comparing((Map<String, Object> r) -> (String) r.get("createTime")).reversed())
				.toList();
			return SimResponses.page(all, max, cursor);
		});
	}

	/** Both roles: a Compliance Officer may read any recording's details. */
	@GetMapping("/recordings/{recordingId}")
	ResponseEntity<?> recording(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String recordingId) {
		return officerCall(auth, "GET /recordings/{id}",
				(officer) -> SimResponses.found(this.org.recording(recordingId)
					.map((r) -> RecordingJson.details(this.org.series(r.seriesId()).orElseThrow(), r,
							SimResponses.baseUrl(), this.clock.instant()))));
	}

	@GetMapping("/meetingPreferences/personalMeetingRoom")
	ResponseEntity<?> personalRoom(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestParam(required = false) String userEmail) {
		return officerCall(auth, "GET /meetingPreferences/personalMeetingRoom", (officer) -> SimResponses
			.found(this.org.personByEmail(host(officer, userEmail)).map(SimJson::personalRoom)));
	}

	/**
	 * Whom a user-level call answers for: the named user only for an admin, else the
	 * officer.
	 */
	private String host(Person officer, String requested) {
		return (this.role.actsForOthers() && requested != null) ? requested : officer.email();
	}

	private ResponseEntity<?> officerCall(String auth, String endpoint, Function<Person, ResponseEntity<?>> answer) {
		this.calls.record(endpoint);
		return this.tokens.officer(auth, this.org.officer())
			.<ResponseEntity<?>>map(answer)
			.orElseGet(SimResponses::unauthorized);
	}

}
