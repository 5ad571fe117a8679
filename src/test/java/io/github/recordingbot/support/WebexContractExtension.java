package io.github.recordingbot.support;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when a {@link WebexFake} served, during it or since the previous test, an
 * exchange the official Webex spec does not allow: a request the bot should not send, or
 * a fixture Webex would never answer. Registered for every test class by JUnit's
 * extension auto-detection ({@code junit-platform.properties}), so no test can opt out by
 * forgetting it.
 */
public final class WebexContractExtension implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		List<String> violations = WebexContractListener.drainViolations();
		if (!violations.isEmpty()) {
			throw new AssertionError(
					"The Webex fake served " + violations.size() + " exchange(s) that the official Webex spec ("
							+ WebexContract.SOURCE + ") does not allow:\n  " + String.join("\n  ", violations));
		}
	}

}
