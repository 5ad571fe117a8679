/**
 * Access rules: the config.json model, its hot reload, the sender allow-list and the
 * access policy.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.github.recordingbot.access;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
