package io.github.recordingbot.recording;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
					await(release);
				});
			}
			assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(pool.getPoolSize()).isEqualTo(16);
			assertThat(pool.getQueue()).hasSize(4);
			assertThat(pool.getActiveCount()).isEqualTo(16);
			release.countDown();
			assertThat(pool.allowsCoreThreadTimeOut()).isTrue();
			pool.setKeepAliveTime(10, TimeUnit.MILLISECONDS);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (pool.getPoolSize() > 0 && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertThat(pool.getPoolSize()).isZero();
			assertThat(pool.getCompletedTaskCount()).isEqualTo(20);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
