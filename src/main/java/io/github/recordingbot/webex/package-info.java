/**
 * The Webex REST client: DTO records, the two identities, pagination, errors.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.github.recordingbot.webex;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
