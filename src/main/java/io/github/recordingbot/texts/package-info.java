/**
 * The bot's user-facing texts: every sentence from the message bundles in the configured
 * language, and the one way a time is written.
 */
package io.github.recordingbot.texts;
