/**
 * The signed webhook endpoint that turns Webex deliveries into chat events.
 */
@ApplicationModule(allowedDependencies = { "conversation" })
@NullMarked
package io.github.recordingbot.webhook;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
