/**
 * What replicas on one PostgreSQL share beyond the token store: which database the bot
 * runs on, each replica's heartbeat, the locks that run each scheduled job on one replica
 * at a time, and the election of the one replica that holds the websocket.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.github.recordingbot.replicas;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
