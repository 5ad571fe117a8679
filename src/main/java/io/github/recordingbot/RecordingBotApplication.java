package io.github.recordingbot;

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
		SpringApplication application = new SpringApplication(RecordingBotApplication.class);
		if (FirstRun.wantsDemo(System.getenv(), System.getProperties(), args)) {
			application.setAdditionalProfiles(FirstRun.DEMO_PROFILE);
		}
		application.run(args);
	}

}
