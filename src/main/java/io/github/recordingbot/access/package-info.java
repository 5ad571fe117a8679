/**
 * Access rules: the config.json model, its hot reload, the sender allow-list and the
 * access policy.
 */
package io.github.recordingbot.access;
