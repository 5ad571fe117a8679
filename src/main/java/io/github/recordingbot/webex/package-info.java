/**
 * The Webex REST client: DTO records, the two identities, pagination, errors.
 */
package io.github.recordingbot.webex;
