/**
 * The bot's user-facing texts: every sentence from the message bundles in the configured
 * language, and the one way a time is written.
 */
@ApplicationModule(allowedDependencies = { "access" })
@NullMarked
package io.github.recordingbot.texts;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
