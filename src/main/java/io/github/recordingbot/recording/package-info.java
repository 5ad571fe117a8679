/**
 * Finding a meeting's recordings and turning them into a reply.
 */
package io.github.recordingbot.recording;
