/**
 * Adaptive Card records and builders; pure functions.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.github.recordingbot.card;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
