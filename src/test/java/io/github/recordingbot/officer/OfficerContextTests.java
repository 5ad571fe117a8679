package io.github.recordingbot.officer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context, on {@link OfficerTestSupport#PORT}, for every test class of
 * the authorization flow: the fixed port can only be bound once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
abstract class OfficerContextTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		OfficerTestSupport.properties(registry);
	}

}
