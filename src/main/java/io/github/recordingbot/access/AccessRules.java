package io.github.recordingbot.access;

/**
 * Where the rest of the bot reads the access rules from: always the latest valid
 * snapshot.
 */
public interface AccessRules {

	/** The latest valid snapshot; never {@code null}. */
	AccessConfig current();

}
