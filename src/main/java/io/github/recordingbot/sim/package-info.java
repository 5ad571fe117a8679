/**
 * The built-in Webex simulator for the {@code demo} profile and the end-to-end tests: the
 * Webex endpoints the bot uses, a generated sample organization and the demo chat page.
 * Production code never imports this package.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.github.recordingbot.sim;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
