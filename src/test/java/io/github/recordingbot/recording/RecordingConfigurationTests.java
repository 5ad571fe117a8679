package io.github.recordingbot.recording;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RecordingConfigurationTests {

	@Test
	void theLookupPoolRunsSixteenCallsAtOnceQueuesTheRestAndKeepsNoIdleThread() throws Exception {
		ThreadPoolExecutor pool = new RecordingConfiguration().webexCallExecutor();
		try {
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch started = new CountDownLatch(RecordingConfiguration.THREADS);
			for (int i = 0; i < RecordingConfiguration.THREADS + 4; i++) {
				pool.execute(() -> {
					started.countDown();
					waitFor(release);
				});
			}
			assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(pool.getPoolSize()).isEqualTo(16);
			assertThat(pool.getQueue()).hasSize(4);
			assertThat(pool.getActiveCount()).isEqualTo(16);
			release.countDown();
			assertThat(pool.allowsCoreThreadTimeOut()).isTrue();
			pool.setKeepAliveTime(10, TimeUnit.MILLISECONDS);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(pool.getCompletedTaskCount()).isEqualTo(20);
				assertThat(pool.getPoolSize()).isZero();
			});
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
