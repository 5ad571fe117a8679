package io.github.recordingbot;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point of the Webex Recording Bot.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RecordingBotApplication {

	public static void main(String[] args) {
		application(System.getenv(), System.getProperties(), args, Path.of("")).run(args);
	}

	/**
	 * The application as {@code main} starts it: the demo profile only when
	 * {@link FirstRun} finds nothing of a deployment, and one log line saying why.
	 */
	static SpringApplication application(Map<String, String> env, Properties system, String[] args,
			Path workingDirectory) {
		FirstRun.Decision decision = FirstRun.decide(env, system, args, workingDirectory.toAbsolutePath());
		SpringApplication application = new SpringApplication(RecordingBotApplication.class);
		if (decision.demo()) {
			application.setAdditionalProfiles(FirstRun.DEMO_PROFILE);
		}
		// logged once the logging system is set up, in its format
		application.addInitializers((context) -> decision.log());
		return application;
	}

}
