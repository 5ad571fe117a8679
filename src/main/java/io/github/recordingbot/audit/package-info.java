/**
 * The audit trail: one JSON line per request.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.github.recordingbot.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
