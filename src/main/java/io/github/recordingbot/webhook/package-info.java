/**
 * The signed webhook endpoint that turns Webex deliveries into chat events.
 */
package io.github.recordingbot.webhook;
