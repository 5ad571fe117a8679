/**
 * What replicas on one PostgreSQL share beyond the token store: which database the bot
 * runs on, the locks that run each scheduled job on one replica at a time, and the
 * election of the one replica that holds the websocket.
 */
package io.github.recordingbot.replicas;
