/**
 * The Webex Recording Bot: temporary download links for Webex meeting recordings, in a
 * 1-1 chat.
 */
package io.github.recordingbot;
