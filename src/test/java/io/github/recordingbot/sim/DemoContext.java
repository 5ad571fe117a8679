package io.github.recordingbot.sim;

import io.github.recordingbot.support.DemoTestSupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one demo-profile context the simulator's end-to-end tests share: it listens on a
 * fixed port, so two contexts could not run side by side.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
abstract class DemoContext {

	@DynamicPropertySource
	static void demoProperties(DynamicPropertyRegistry registry) {
		DemoTestSupport.properties(registry);
	}

}
