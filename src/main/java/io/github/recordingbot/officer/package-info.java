/**
 * The Compliance Officer's authorization and the token the recording lookups use.
 */
@ApplicationModule(allowedDependencies = { "access", "replicas", "texts", "webex" })
@NullMarked
package io.github.recordingbot.officer;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
