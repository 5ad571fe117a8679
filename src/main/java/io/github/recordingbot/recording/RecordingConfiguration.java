package io.github.recordingbot.recording;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The pool the lookups' parallel Webex calls run on.
 */
@Configuration(proxyBeanMethods = false)
class RecordingConfiguration {

	@Bean(destroyMethod = "shutdown")
	ExecutorService webexCallExecutor() {
		return Executors.newFixedThreadPool(32, new CustomizableThreadFactory("webex-"));
	}

}
