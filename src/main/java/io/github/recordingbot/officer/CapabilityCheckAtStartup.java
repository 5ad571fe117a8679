package io.github.recordingbot.officer;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs the capability check once the bot is ready, off the startup thread, so a slow
 * Webex never delays startup ({@code officer.check-at-startup}).
 */
class CapabilityCheckAtStartup {

	private static final Logger logger = LoggerFactory.getLogger(CapabilityCheckAtStartup.class);

	private final OfficerCapabilities capabilities;

	private final Executor executor;

	private final boolean enabled;

	CapabilityCheckAtStartup(OfficerCapabilities capabilities, Executor executor, boolean enabled) {
		this.capabilities = capabilities;
		this.executor = executor;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (!this.enabled) {
			return;
		}
		this.executor.execute(() -> {
			try {
				this.capabilities.check();
			}
			catch (RuntimeException ex) {
				logger.warn("The capability check at startup failed ({})", ex.getClass().getSimpleName());
			}
		});
	}

}
