package io.github.recordingbot.conversation;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Seen events in this process only: enough for one bot on its embedded H2 file, which no
 * other process can open. Nothing survives the process, so there is nothing to take over:
 * an event acknowledged just before a crash is answered only if Webex delivers it again.
 */
class InMemorySeenEvents implements SeenEvents {

	private final Cache<String, Boolean> seen;

	InMemorySeenEvents(Duration window) {
		this.seen = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
	}

	@Override
	public boolean firstSighting(ChatEvent event) {
		return this.seen.asMap().putIfAbsent(SeenEvents.key(event), Boolean.TRUE) == null;
	}

	@Override
	public boolean start(ChatEvent event) {
		return true;
	}

	@Override
	public void done(ChatEvent event) {
	}

	@Override
	public void forget(ChatEvent event) {
		this.seen.invalidate(SeenEvents.key(event));
	}

	@Override
	public List<ChatEvent> takeOverUnfinished(int limit) {
		return List.of();
	}

	@Override
	public List<ChatEvent> giveUpExhausted(int limit) {
		return List.of();
	}

}
