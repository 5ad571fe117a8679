/**
 * One chat event in, one reply and one audit record out.
 */
package io.github.recordingbot.conversation;
