package io.github.recordingbot.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs the bot with a token that holds only the Compliance Officer's scopes
 * ({@link BotTestSupport#COMPLIANCE_OFFICER_SCOPES}), as the common real deployment does.
 * An inline property rather than a {@code @DynamicPropertySource} method of each class,
 * so that every class that carries it shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestPropertySource(properties = "officer.scopes=" + BotTestSupport.COMPLIANCE_OFFICER_SCOPES)
public @interface ComplianceOfficerScopes {

}
