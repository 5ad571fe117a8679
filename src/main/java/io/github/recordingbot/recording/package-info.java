/**
 * Finding a meeting's recordings and turning them into a reply.
 */
@ApplicationModule(allowedDependencies = { "access", "card", "texts", "webex" })
@NullMarked
package io.github.recordingbot.recording;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
