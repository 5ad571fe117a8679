/**
 * The audit trail: one JSON line per request.
 */
package io.github.recordingbot.audit;
