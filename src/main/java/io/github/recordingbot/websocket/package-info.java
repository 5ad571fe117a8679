/**
 * The websocket (Mercury) transport: registers a device, keeps one websocket open and
 * turns its activities into the same chat events the webhook produces.
 */
@ApplicationModule(allowedDependencies = { "conversation", "replicas", "webex" })
@NullMarked
package io.github.recordingbot.websocket;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
