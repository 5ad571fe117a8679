package io.github.recordingbot.recording;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexOfficerClient;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.Recording;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Finds a meeting's recordings with the fewest Webex calls and decides who gets them.
 *
 * <p>
 * Budget for one request, on the documented Compliance Officer endpoints (an admin token
 * may call them too): {@code GET /admin/meetings?meetingNumber} for the meeting and its
 * series, then {@code GET /admin/recordings?meetingId=<series>} for every instance of the
 * series at once (in parallel with the personal-room check when it is needed and
 * possible), then {@code GET /recordings/{id}} for each recording in parallel, because
 * only the details carry the temporary links.
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

	public RecordingLookup(WebexOfficerClient webex, AccessPolicy policy, PersonalRoomCheck personalRooms,
			RecordingReplies replies, @Qualifier("webexCallExecutor") Executor executor, Clock clock) {
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
	 * @return the reply and the audit facts; never throws for Webex trouble
	 */
	public Outcome find(RecordingRequest request) {
		// A meeting number identifies the meeting; the host the user typed (or the
		// sender, by default) must be its host, as the host-filtered lookup of the
		// original bot required.
		Optional<Meeting> meeting;
		try {
			meeting = this.webex.adminMeetingsByNumber(request.meetingNumber())
				.stream()
				.filter((m) -> sameEmail(m.hostEmail(), request.hostEmail()))
				.findFirst();
		}
		catch (WebexException ex) {
			return this.upstreamErrors.outcome(ex, List.of());
		}
		if (meeting.isEmpty()) {
			return Outcome.of(this.replies.noMeeting(request), Decision.NODATA, "no_meeting");
		}
		return findForMeeting(request, meeting.get());
	}

	/**
	 * Answers a request for the recordings of a meeting that is already known (a
	 * forwarded recording names its meeting instance).
	 * @param request the request
	 * @param meetingId the meeting (series or instance) id
	 * @return the reply and the audit facts
	 */
	public Outcome findForMeetingId(RecordingRequest request, String meetingId) {
		Meeting meeting;
		try {
			meeting = this.webex.adminMeeting(meetingId);
		}
		catch (WebexException ex) {
			if (ex.isNotFound()) {
				return Outcome.of((request.meetingNumber() != null) ? this.replies.noMeeting(request)
						: this.replies.noMeetingForId(), Decision.NODATA, "no_meeting");
			}
			return this.upstreamErrors.outcome(ex, List.of(meetingId));
		}
		return findForMeeting(request, meeting);
	}

	private Outcome findForMeeting(RecordingRequest request, Meeting meeting) {
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
		boolean askWebex = this.personalRooms.needsCall(meeting);
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
		List<Recording> inWindow = listed.stream()
			.filter((r) -> r.id() != null)
			.filter((r) -> r.status() == null || "available".equals(r.status()))
			.filter((r) -> recordedAt(r) == null || !recordedAt(r).isBefore(from))
			.sorted(Comparator.comparing(RecordingLookup::recordedAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
		if (inWindow.isEmpty()) {
			return new Outcome(this.replies.noRecordings(request, meeting), Decision.NODATA, "no_recordings",
					meetingIds, List.of());
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
		return new Outcome(this.replies.recordings(meeting, details), Decision.PERMITTED, "ok", instanceIds,
				recordingIds);
	}

	private Verdict roomVerdict(RecordingRequest request, Meeting meeting, PersonalRoom personalRoom) {
		return this.policy.checkPersonalRoom(request.requesterPersonId(), meeting.hostUserId(), personalRoom);
	}

	private Outcome denied(Verdict verdict, List<String> meetingIds) {
		return new Outcome(this.replies.refusal(verdict), Decision.DENIED, verdict.reason(), meetingIds, List.of());
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

}
