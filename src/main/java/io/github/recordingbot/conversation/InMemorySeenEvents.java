package io.github.recordingbot.conversation;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Seen events in this process only: enough for one bot on its embedded H2 file, which no
 * other process can open.
 */
class InMemorySeenEvents implements SeenEvents {

	private final Cache<String, Boolean> seen;

	InMemorySeenEvents(Duration window) {
		this.seen = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
	}

	@Override
	public boolean firstSighting(String key) {
		return this.seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
	}

	@Override
	public void forget(String key) {
		this.seen.invalidate(key);
	}

}
