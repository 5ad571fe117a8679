package io.github.recordingbot.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.recordingbot.replicas.Heartbeat;
import io.github.recordingbot.replicas.Heartbeats;

import org.springframework.dao.DataAccessException;

/**
 * The status page's section about the replicas ({@code templates/status/replicas.html}):
 * every replica that wrote its heartbeat to the shared database in the last hour, or on
 * H2 this bot alone. Read from the database, never from Webex.
 *
 * @param note what the list covers, or why it is missing
 * @param warn whether the note needs the operator's attention
 * @param replicas one line per replica, by instance id
 */
record ReplicasSection(String note, boolean warn, List<Replica> replicas) {

	ReplicasSection {
		replicas = List.copyOf(replicas);
	}

	static ReplicasSection of(Heartbeats heartbeats, Instant now) {
		List<Heartbeat> recent;
		try {
			recent = heartbeats.recent();
		}
		catch (DataAccessException ex) {
			return new ReplicasSection("unknown: the database did not answer", true, List.of());
		}
		String note = heartbeats.shared()
				? "Every replica on the shared PostgreSQL seen in the last hour; a replica silent for over a minute "
						+ "is stale."
				: "This bot only: its H2 file is one process's (replicas share a PostgreSQL database).";
		if (recent.isEmpty()) {
			return new ReplicasSection(note + " No heartbeat written yet.", false, List.of());
		}
		return new ReplicasSection(note, false,
				recent.stream().map((beat) -> Replica.of(beat, heartbeats.self(), now)).toList());
	}

	/**
	 * One replica, as shown.
	 *
	 * @param instance its instance id, with "(this one)" for the replica that answered
	 * @param mode webhook, websocket or demo
	 * @param version the bot's version
	 * @param health what it said about itself
	 * @param startedAt when it started
	 * @param lastSeen how long ago it last wrote, and whether it is stale
	 * @param warn whether it wrote nothing for over a minute, or said it is unwell
	 */
	record Replica(String instance, String mode, String version, String health, String startedAt, String lastSeen,
			boolean warn) {

		static Replica of(Heartbeat beat, String self, Instant now) {
			boolean stale = beat.stale(now);
			String ago = ago(beat.age(now)) + " ago" + (stale ? ": stale" : "");
			return new Replica(beat.instanceId() + (beat.instanceId().equals(self) ? " (this one)" : ""), beat.mode(),
					beat.version(), beat.health(), beat.startedAt().toString(), ago,
					stale || !("ok".equals(beat.health()) || Heartbeat.STOPPED.equals(beat.health())));
		}

		static String ago(Duration age) {
			if (age.toMinutes() < 1) {
				return age.toSeconds() + " s";
			}
			if (age.toHours() < 1) {
				return age.toMinutes() + " min " + age.toSecondsPart() + " s";
			}
			return age.toHours() + " h " + age.toMinutesPart() + " min";
		}

	}

}
