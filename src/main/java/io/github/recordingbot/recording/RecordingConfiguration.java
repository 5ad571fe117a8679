package io.github.recordingbot.recording;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The pool the lookups' parallel Webex calls run on.
 */
@Configuration(proxyBeanMethods = false)
class RecordingConfiguration {

	/**
	 * Threads of the pool. A lookup hands it only what runs beside its own sequential
	 * calls (the requester's time zone, the personal room check, one call per recording's
	 * details). 16 kept 50 requests in flight at the throughput the Webex bulkhead allows
	 * (docs/benchmarks.md); every thread costs about 120 KB of resident stack.
	 */
	static final int THREADS = 16;

	/**
	 * A bounded pool whose threads end after a minute without work, so that an idle bot
	 * keeps none; calls beyond {@link #THREADS} wait in its queue.
	 */
	@Bean(destroyMethod = "shutdown")
	ThreadPoolExecutor webexCallExecutor() {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), new CustomizableThreadFactory("webex-"));
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

}
