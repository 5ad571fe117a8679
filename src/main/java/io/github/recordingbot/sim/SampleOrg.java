package io.github.recordingbot.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A generated, deterministic sample organization: a dozen people in {@code example.com},
 * a few outside it, meeting series with several ended instances, 0 to 3 recordings per
 * instance and an upcoming scheduled meeting, one personal-room series and one one-off
 * meeting with nothing left to come. Olivia, the officer, hosts nothing. Ids and counts
 * depend only on the seed; times are relative to the day the simulator started, so that
 * every recording is inside a request's default window.
 */
final class SampleOrg {

	static final String DOMAIN = "example.com";

	static final long SEED = 20261125L;

	private static final String[][] PEOPLE = { { "alice", "Alice", "Andersen" }, { "bob", "Bob", "Brown" },
			{ "carol", "Carol", "Chen" }, { "dan", "Dan", "Dvorak" }, { "erin", "Erin", "Evans" },
			{ "frank", "Frank", "Fischer" }, { "grace", "Grace", "Garcia" }, { "heidi", "Heidi", "Hansen" },
			{ "ivan", "Ivan", "Ivanov" }, { "judy", "Judy", "Jones" }, { "ken", "Ken", "Kowalski" },
			{ "olivia", "Olivia", "Officer" } };

	private static final String[][] OUTSIDERS = { { "pat@partner.org", "Pat", "Partner" },
			{ "quinn@partner.org", "Quinn", "Quarles" }, { "ruth@contractor.net", "Ruth", "Reyes" } };

	private static final String[] TITLES = { "Weekly team sync", "Quarterly planning", "Design review",
			"Customer onboarding", "Release retrospective", "Sales pipeline review", "Architecture office hours",
			"Support escalations" };

	private static final DateTimeFormatter SCHEDULED_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	final Person bot;

	final List<Person> people;

	final List<Series> series;

	SampleOrg(Instant now) {
		Instant today = now.truncatedTo(ChronoUnit.DAYS);
		this.bot = new Person(id("PEOPLE", uuid("bot")), "recordings-demo@webex.bot", "Recording Bot (demo)",
				"Recording", "Bot", "bot", null);
		List<Person> people = new ArrayList<>();
		int n = 0;
		for (String[] p : PEOPLE) {
			people.add(new Person(id("PEOPLE", uuid(p[0])), p[0] + "@" + DOMAIN, p[1] + " " + p[2], p[1], p[2],
					"person", "8" + String.format("%08d", 10_000_001 + 7919 * (n++))));
		}
		for (String[] p : OUTSIDERS) {
			people.add(new Person(id("PEOPLE", uuid(p[0])), p[0], p[1] + " " + p[2], p[1], p[2], "person",
					"8" + String.format("%08d", 10_000_001 + 7919 * (n++))));
		}
		this.people = List.copyOf(people);
		Random random = new Random(SEED);
		List<Series> series = new ArrayList<>();
		// Alice's weekly sync is the showcase: its newest instance always has all three
		// kinds of link.
		series.add(series(people.get(0), "123456789", TITLES[0], "meeting", true, today, 4, new int[] { 2, 1, 0, 3 },
				random));
		for (int i = 1; i < 8; i++) {
			Person host = people.get(i);
			int instances = 2 + random.nextInt(4);
			int[] counts = new int[instances];
			for (int k = 0; k < instances; k++) {
				counts[k] = random.nextInt(4);
			}
			String number = String.valueOf(200_000_000 + random.nextInt(700_000_000));
			series.add(series(host, number, TITLES[i], "meeting", true, today, instances, counts, random));
		}
		// A partner hosts a meeting too, so that a refused outsider has something to ask
		// for.
		series.add(series(people.get(12), "987654321", "Partner sync", "meeting", true, today, 2, new int[] { 1, 1 },
				random));
		// Carol's personal room: its number is her personal room's access code.
		Person carol = people.get(2);
		series.add(series(carol, carol.personalRoomNumber(), carol.firstName() + "'s Personal Room",
				"personalRoomMeeting", true, today, 2, new int[] { 1, 1 }, random));
		// Ken's one-off workshop is over: List Meetings By an Admin answers with the
		// series itself, which never says whether it is a personal room.
		series.add(series(people.get(10), "246813579", "Kickoff workshop", "meeting", false, today, 1, new int[] { 1 },
				random));
		this.series = List.copyOf(series);
	}

	private static Series series(Person host, String number, String title, String scheduledType, boolean recurring,
			Instant today, int instanceCount, int[] recordingCounts, Random random) {
		String seriesId = hex("series:" + number, 32);
		List<Instance> instances = new ArrayList<>();
		for (int k = 0; k < instanceCount; k++) {
			// Instances every other day, newest yesterday, 10:00 UTC, 30 to 60 minutes
			// long.
			Instant start = today.minus(Duration.ofDays(1 + 2L * k)).plus(Duration.ofHours(10));
			Instant end = start.plus(Duration.ofMinutes(30 + random.nextInt(31)));
			String instanceId = seriesId + "_I_"
					+ (166_000_000_000_000_000L + Math.abs(hash(seriesId + k)) % 1_000_000_000_000L);
			List<Recording> recordings = new ArrayList<>();
			for (int r = 0; r < recordingCounts[k]; r++) {
				Instant recorded = start.plus(Duration.ofMinutes(2 + 9L * r));
				long seconds = 300 + random.nextInt(1800);
				String topic = (recordingCounts[k] > 1) ? title + " (part " + (r + 1) + ")" : title;
				recordings.add(new Recording(hex("recording:" + instanceId + ":" + r, 32), instanceId, seriesId, topic,
						recorded, recorded.plus(Duration.ofSeconds(seconds + 60)), seconds));
			}
			instances.add(new Instance(instanceId, seriesId, start, end, List.copyOf(recordings)));
		}
		// The next occurrence is tomorrow, one day after the newest instance's.
		Instant upcoming = recurring ? today.plus(Duration.ofDays(1)).plus(Duration.ofHours(10)) : null;
		Instant created = recurring ? LocalTime.of(10, 0)
			.atDate(today.atZone(ZoneOffset.UTC).toLocalDate().minusDays(60))
			.toInstant(ZoneOffset.UTC) : instances.get(instances.size() - 1).start();
		return new Series(seriesId, number, title, scheduledType, host, created, upcoming, List.copyOf(instances));
	}

	Optional<Person> person(String id) {
		if (this.bot.id().equals(id)) {
			return Optional.of(this.bot);
		}
		return this.people.stream().filter((p) -> p.id().equals(id)).findFirst();
	}

	Optional<Person> personByEmail(String email) {
		return this.people.stream().filter((p) -> p.email().equalsIgnoreCase(email)).findFirst();
	}

	List<Recording> recordings() {
		return this.series.stream()
			.flatMap((s) -> s.instances().stream())
			.flatMap((i) -> i.recordings().stream())
			.toList();
	}

	Optional<Recording> recording(String id) {
		return recordings().stream().filter((r) -> r.id().equals(id)).findFirst();
	}

	Optional<Series> series(String id) {
		return this.series.stream().filter((s) -> s.id().equals(id)).findFirst();
	}

	/** The series with this meeting number (spaces ignored). */
	/**
	 * A series by its meeting link, as {@link MeetingJson#forHost} shows it
	 * ({@code MTID=m<series id>}); a personal room's link finds nothing here.
	 */
	Optional<Series> seriesByWebLink(String webLink) {
		String prefix = MeetingJson.webLinkPrefix();
		if (!webLink.startsWith(prefix)) {
			return Optional.empty();
		}
		return series(webLink.substring(prefix.length()));
	}

	Optional<Series> seriesByNumber(String meetingNumber) {
		String number = meetingNumber.replace(" ", "");
		return this.series.stream().filter((s) -> s.meetingNumber().equals(number)).findFirst();
	}

	/**
	 * A scheduled meeting by id: the upcoming one of a series, or one whose instance
	 * ended.
	 */
	Optional<Scheduled> scheduled(String id) {
		for (Series s : this.series) {
			if (id.equals(s.upcomingId())) {
				return Optional.of(new Scheduled(id, s, s.upcoming(), null));
			}
			for (Instance instance : s.instances()) {
				if (id.equals(instance.scheduledMeetingId())) {
					return Optional.of(new Scheduled(id, s, instance.start(), instance));
				}
			}
		}
		return Optional.empty();
	}

	/** The person the officer token belongs to, unless a consent said otherwise. */
	Person officer() {
		return personByEmail("olivia@" + DOMAIN).orElseThrow();
	}

	Optional<Instance> instance(String id) {
		return this.series.stream().flatMap((s) -> s.instances().stream()).filter((i) -> i.id().equals(id)).findFirst();
	}

	/**
	 * A scheduled meeting's id as Webex forms it: the series id, an underscore and the
	 * scheduled start in UTC.
	 */
	static String scheduledMeetingId(String seriesId, Instant scheduledStart) {
		return seriesId + "_" + SCHEDULED_ID.format(scheduledStart);
	}

	/** The direct room between a person and the bot. */
	static String roomId(String personId) {
		return id("ROOM", uuid("room:" + personId));
	}

	/** A Webex id: base64 of {@code ciscospark://us/<TYPE>/<uuid>}, without padding. */
	static String id(String type, String uuid) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("ciscospark://us/" + type + "/" + uuid).getBytes(StandardCharsets.UTF_8));
	}

	static String uuid(String name) {
		return UUID.nameUUIDFromBytes(("sim:" + name).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String hex(String name, int length) {
		String hex = uuid(name).replace("-", "") + uuid(name + "#").replace("-", "");
		return hex.substring(0, length);
	}

	private static long hash(String text) {
		byte[] bytes = HexFormat.of().parseHex(uuid(text).replace("-", "").substring(0, 16));
		long value = 0;
		for (byte b : bytes) {
			value = (value << 8) | (b & 0xff);
		}
		return value;
	}

	/** A person of the sample organization (or the bot). */
	record Person(String id, String email, String displayName, String firstName, String lastName, String type,
			String personalRoomNumber) {

		boolean inDomain() {
			return this.email.endsWith("@" + DOMAIN);
		}

	}

	/**
	 * A meeting series (or a personal room), the start of its upcoming scheduled meeting
	 * ({@code null} when none is left) and its ended instances, newest first.
	 */
	record Series(String id, String meetingNumber, String title, String scheduledType, Person host, Instant created,
			Instant upcoming, List<Instance> instances) {

		/** The id of the upcoming scheduled meeting, or {@code null}. */
		@Nullable String upcomingId() {
			return (this.upcoming != null) ? scheduledMeetingId(this.id, this.upcoming) : null;
		}

	}

	/** An ended meeting instance; it started on time. */
	record Instance(String id, String seriesId, Instant start, Instant end, List<Recording> recordings) {

		String scheduledMeetingId() {
			return SampleOrg.scheduledMeetingId(this.seriesId, this.start);
		}

	}

	/**
	 * A scheduled meeting of a series: upcoming, or ended when it has an instance.
	 */
	record Scheduled(String id, Series series, Instant start, Instance instance) {

		boolean ended() {
			return this.instance != null;
		}

	}

	/** A recording of one instance. */
	record Recording(String id, String instanceId, String seriesId, String topic, Instant timeRecorded,
			Instant createTime, long durationSeconds) {
	}

}
