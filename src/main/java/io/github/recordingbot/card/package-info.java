/**
 * Adaptive Card records and builders; pure functions.
 */
package io.github.recordingbot.card;
