/**
 * The built-in Webex simulator for the {@code demo} profile and the end-to-end tests: the
 * Webex endpoints the bot uses, a generated sample organization and the demo chat page.
 * Production code never imports this package.
 */
package io.github.recordingbot.sim;
