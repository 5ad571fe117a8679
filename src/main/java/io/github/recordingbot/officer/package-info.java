/**
 * The Compliance Officer's authorization and the token the recording lookups use.
 */
package io.github.recordingbot.officer;
