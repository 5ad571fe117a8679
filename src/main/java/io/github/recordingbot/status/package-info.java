/**
 * The operator's status page and admin actions.
 */
@ApplicationModule(allowedDependencies = { "access", "alert", "conversation", "officer", "replicas", "webex", "webhook",
		"websocket" })
@NullMarked
package io.github.recordingbot.status;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
