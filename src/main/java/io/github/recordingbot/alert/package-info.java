/**
 * Tells the operators in Webex when the bot needs a person: a condition's start, a daily
 * reminder while it lasts, and its end, deduplicated across restarts and replicas.
 */
package io.github.recordingbot.alert;
