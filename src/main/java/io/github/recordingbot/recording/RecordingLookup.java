package io.github.recordingbot.recording;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import io.github.recordingbot.access.AccessPolicy;
import io.github.recordingbot.access.AccessPolicy.PersonalRoom;
import io.github.recordingbot.access.AccessPolicy.Verdict;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.recording.Outcome.Result;
import io.github.recordingbot.recording.RequesterZones.RequesterZone;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexOfficerClient;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.Recording;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Finds a meeting's recordings with the fewest Webex calls and decides who gets them.
 *
 * <p>
 * Budget for one request, on the documented Compliance Officer endpoints (an admin token
 * may call them too): {@code GET /admin/meetings?meetingNumber} (or {@code ?webLink}) for
 * the meeting and its series, then {@code GET /admin/recordings?meetingId=<series>} for
 * every instance of the series at once (in parallel with the personal-room check when it
 * is needed and possible), then {@code GET /recordings/{id}} for each recording in
 * parallel, because only the details carry the temporary links. A request for one day
 * adds {@code GET /people/{id}} for the requester's time zone, in parallel with the
 * meeting lookup (no call for a card submit, whose sender is already looked up), and
 * keeps that day's recordings.
 *
 * @see <a href="https://developer.webex.com/docs/meetings#meetings-api-scopes">Meetings
 * API scopes</a>
 */
@Service
public class RecordingLookup {

	private final WebexOfficerClient webex;

	private final AccessPolicy policy;

	private final PersonalRoomCheck personalRooms;

	private final RecordingReplies replies;

	private final UpstreamErrors upstreamErrors;

	private final Executor executor;

	private final Clock clock;

	private final RequesterZones zones;

	public RecordingLookup(WebexOfficerClient webex, AccessPolicy policy, PersonalRoomCheck personalRooms,
			RecordingReplies replies, @Qualifier("webexCallExecutor") Executor executor, Clock clock,
			RequesterZones zones) {
		this.zones = zones;
		this.webex = webex;
		this.policy = policy;
		this.personalRooms = personalRooms;
		this.replies = replies;
		this.upstreamErrors = new UpstreamErrors(replies);
		this.executor = executor;
		this.clock = clock;
	}

	/**
	 * Answers a request for a meeting's recordings.
	 * @param request the request
	 * @return the reply and what was found or refused; never throws for Webex trouble
	 */
	public Outcome find(RecordingRequest request) {
		// The time zone is needed only to filter the recordings list, so it is asked in
		// the same round as the meeting.
		CompletableFuture<RequesterZone> zone = (request.day() != null)
				? CompletableFuture.supplyAsync(() -> this.zones.of(request.requesterPersonId()), this.executor)
				: CompletableFuture.completedFuture(null);
		// A meeting number or link identifies the meeting; the host the user typed (or
		// the sender, by default) must be its host, as the host-filtered lookup of the
		// original bot required.
		Optional<Meeting> meeting;
		try {
			List<Meeting> meetings = (request.link() != null) ? this.webex.adminMeetingsByLink(request.link().url())
					: this.webex.adminMeetingsByNumber(request.meetingNumber());
			meeting = meetings.stream().filter((m) -> sameEmail(m.hostEmail(), request.hostEmail())).findFirst();
		}
		catch (WebexException ex) {
			settle(zone);
			return this.upstreamErrors.outcome(ex, List.of());
		}
		// Waited for on every path, so that a request's calls are all made before its
		// reply, whatever the answers.
		RequesterZone requesterZone = settle(zone);
		if (meeting.isEmpty()) {
			return Outcome.of(this.replies.noMeeting(request), Result.NO_MEETING, List.of());
		}
		return findForMeeting(request, meeting.get(), requesterZone);
	}

	private static RequesterZone settle(CompletableFuture<RequesterZone> zone) {
		return zone.exceptionally((ex) -> RequesterZone.UTC).join();
	}

	/**
	 * Answers a request for the recordings of a meeting that is already known (a
	 * forwarded recording names its meeting instance).
	 * @param request the request
	 * @param meetingId the meeting (series or instance) id
	 * @return the reply and what was found or refused
	 */
	public Outcome findForMeetingId(RecordingRequest request, String meetingId) {
		Meeting meeting;
		try {
			meeting = this.webex.adminMeeting(meetingId);
		}
		catch (WebexException ex) {
			if (ex.isNotFound()) {
				return Outcome.of((request.meetingNumber() != null) ? this.replies.noMeeting(request)
						: this.replies.noMeetingForId(), Result.NO_MEETING, List.of());
			}
			return this.upstreamErrors.outcome(ex, List.of(meetingId));
		}
		return findForMeeting(request, meeting, null);
	}

	/**
	 * @param zone the requester's zone when the request asks for one day, else
	 * {@code null}
	 */
	private Outcome findForMeeting(RecordingRequest request, Meeting meeting, RequesterZone zone) {
		// A forwarded recording names one ended instance: list that instance's
		// recordings, not the whole series' (GET /admin/recordings accepts a series,
		// scheduled meeting or instance id).
		String listId = "meeting".equals(meeting.meetingType()) ? meeting.id() : meeting.seriesId();
		List<String> meetingIds = List.of(listId);
		String hostEmail = (meeting.hostEmail() != null) ? meeting.hostEmail() : request.hostEmail();
		Verdict host = this.policy.checkHost(request.requesterPersonId(), meeting.hostUserId());
		if (!host.allowed()) {
			return denied(host, meetingIds);
		}
		Instant from = this.clock.instant().minus(Duration.ofDays(request.daysBack()));
		// A refusal known from the meeting itself needs no recordings list; one that
		// needs
		// Webex's answer waits for the list, so the calls a request makes never depend on
		// which answer comes first.
		boolean askWebex = !personalRoomLink(request) && this.personalRooms.needsCall(meeting);
		CompletableFuture<PersonalRoom> personalRoom = personalRoom(request, meeting, hostEmail, askWebex);
		Verdict room = askWebex ? Verdict.ALLOW : roomVerdict(request, meeting, personalRoom.join());
		if (!room.allowed()) {
			return denied(room, meetingIds);
		}
		List<Recording> listed;
		try {
			listed = this.webex.adminRecordingsOfMeeting(listId);
		}
		catch (WebexException ex) {
			personalRoom.cancel(false);
			return this.upstreamErrors.outcome(ex, meetingIds);
		}
		room = roomVerdict(request, meeting, personalRoom.join());
		if (!room.allowed()) {
			return denied(room, meetingIds);
		}
		DayFilter day = dayFilter(request, zone);
		List<Recording> inWindow = listed.stream()
			.filter((r) -> r.id() != null)
			.filter((r) -> r.status() == null || "available".equals(r.status()))
			.filter((r) -> recordedAt(r) == null || !recordedAt(r).isBefore(from))
			.filter((r) -> day == null || day.contains(recordedAt(r)))
			.sorted(Comparator.comparing(RecordingLookup::recordedAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
		if (inWindow.isEmpty()) {
			Reply none = (day != null) ? this.replies.noRecordingsOn(request, meeting, day.date(), day.zone())
					: this.replies.noRecordings(request, meeting);
			return Outcome.of(none, Result.NO_RECORDINGS, meetingIds);
		}
		List<Recording> details;
		try {
			details = details(inWindow);
		}
		catch (WebexException ex) {
			return this.upstreamErrors.outcome(ex, meetingIds);
		}
		List<String> recordingIds = details.stream().map(Recording::id).toList();
		List<String> instanceIds = new ArrayList<>(meetingIds);
		details.stream()
			.map(Recording::meetingId)
			.filter((id) -> id != null && !instanceIds.contains(id))
			.forEach(instanceIds::add);
		Reply reply = (day != null) ? this.replies.recordingsOn(meeting, details, day.date(), day.zone())
				: this.replies.recordings(meeting, details);
		return Outcome.found(reply, instanceIds, recordingIds);
	}

	/**
	 * A personal room's link ({@code /meet/<name>}) names a personal room whatever shape
	 * the meeting Webex returns for it has.
	 */
	private static boolean personalRoomLink(RecordingRequest request) {
		return request.link() != null && request.link().personalRoom();
	}

	/** The day asked for, in the requester's zone; {@code null} for every day. */
	private @Nullable DayFilter dayFilter(RecordingRequest request, RequesterZone zone) {
		if (request.day() == null || zone == null) {
			return null;
		}
		return new DayFilter(request.day().in(zone.zone(), this.clock), zone);
	}

	private Verdict roomVerdict(RecordingRequest request, Meeting meeting, PersonalRoom personalRoom) {
		return this.policy.checkPersonalRoom(request.requesterPersonId(), meeting.hostUserId(), personalRoom);
	}

	private Outcome denied(Verdict verdict, List<String> meetingIds) {
		return Outcome.refused(this.replies.refusal(verdict.refusal()), verdict.refusal(), meetingIds);
	}

	/**
	 * The personal-room answer, asked of Webex in parallel with the recordings list only
	 * when the policy needs it and the meeting itself does not tell.
	 */
	private CompletableFuture<PersonalRoom> personalRoom(RecordingRequest request, Meeting meeting, String hostEmail,
			boolean askWebex) {
		if (!this.policy.needsPersonalRoomCheck(request.requesterPersonId(), meeting.hostUserId())) {
			return CompletableFuture.completedFuture(PersonalRoom.NOT_PERSONAL_ROOM);
		}
		if (personalRoomLink(request)) {
			return CompletableFuture.completedFuture(PersonalRoom.PERSONAL_ROOM);
		}
		if (!askWebex) {
			return CompletableFuture
				.completedFuture(this.personalRooms.check(hostEmail, meeting, request.meetingNumber()));
		}
		return CompletableFuture
			.supplyAsync(() -> this.personalRooms.check(hostEmail, meeting, request.meetingNumber()), this.executor);
	}

	private List<Recording> details(List<Recording> recordings) {
		List<CompletableFuture<Recording>> futures = recordings.stream()
			.map((r) -> CompletableFuture.supplyAsync(() -> withListFields(this.webex.recording(r.id()), r),
					this.executor))
			.toList();
		List<Recording> details = new ArrayList<>(futures.size());
		for (CompletableFuture<Recording> future : futures) {
			try {
				details.add(future.get());
			}
			catch (ExecutionException | CompletionException ex) {
				futures.forEach((f) -> f.cancel(false));
				if (ex.getCause() instanceof WebexException webexException) {
					throw webexException;
				}
				throw new IllegalStateException("Recording details failed", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WebexException("Interrupted", 0, null, null, ex);
			}
		}
		return details;
	}

	private static Recording withListFields(Recording detail, Recording listed) {
		if (detail == null) {
			return listed;
		}
		return new Recording(detail.id(), coalesce(detail.meetingId(), listed.meetingId()),
				coalesce(detail.meetingSeriesId(), listed.meetingSeriesId()), coalesce(detail.topic(), listed.topic()),
				coalesce(detail.createTime(), listed.createTime()),
				coalesce(detail.timeRecorded(), listed.timeRecorded()),
				coalesce(detail.hostEmail(), listed.hostEmail()),
				coalesce(detail.durationSeconds(), listed.durationSeconds()),
				coalesce(detail.format(), listed.format()), coalesce(detail.status(), listed.status()),
				detail.temporaryDirectDownloadLinks());
	}

	private static boolean sameEmail(String a, String b) {
		return a != null && b != null && a.trim().equalsIgnoreCase(b.trim());
	}

	private static <T> T coalesce(T first, T second) {
		return (first != null) ? first : second;
	}

	private static Instant recordedAt(Recording recording) {
		return (recording.timeRecorded() != null) ? recording.timeRecorded() : recording.createTime();
	}

	/**
	 * One calendar day in the requester's zone.
	 *
	 * @param date the day
	 * @param zone the zone and where it came from
	 */
	private record DayFilter(LocalDate date, RequesterZone zone) {

		/** Whether a recording made at that instant belongs to the day. */
		boolean contains(Instant at) {
			return at != null && at.atZone(this.zone.zone()).toLocalDate().equals(this.date);
		}

	}

}
