/**
 * Tells the operators in Webex when the bot needs a person: a condition's start, a daily
 * reminder while it lasts, and its end, deduplicated across restarts and replicas.
 */
@ApplicationModule(allowedDependencies = { "access", "audit", "card", "officer", "texts", "webex", "websocket" })
@NullMarked
package io.github.recordingbot.alert;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
