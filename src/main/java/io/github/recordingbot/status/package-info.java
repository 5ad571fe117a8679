/**
 * The operator's status page and admin actions.
 */
package io.github.recordingbot.status;
