/**
 * The websocket (Mercury) transport: registers a device, keeps one websocket open and
 * turns its activities into the same chat events the webhook produces.
 */
package io.github.recordingbot.websocket;
