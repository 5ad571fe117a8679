/**
 * The Webex Recording Bot: temporary download links for Webex meeting recordings, in a
 * 1-1 chat.
 */
@NullMarked
package io.github.recordingbot;

import org.jspecify.annotations.NullMarked;
