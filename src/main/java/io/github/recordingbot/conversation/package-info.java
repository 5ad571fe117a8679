/**
 * One chat event in, one reply and one audit record out.
 */
@ApplicationModule(allowedDependencies = { "access", "audit", "card", "recording", "replicas", "texts", "webex" })
@NullMarked
package io.github.recordingbot.conversation;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
