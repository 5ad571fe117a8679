package io.github.recordingbot.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs calls at the same moment, for tests of what happens under concurrency. */
public final class Concurrently {

	private Concurrently() {
	}

	/**
	 * Runs {@code count} calls, one thread each, released together.
	 * @return their results, in the order of their indexes
	 */
	public static <T> List<T> run(int count, Call<T> call) throws Exception {
		return run(count, count, call);
	}

	/**
	 * Runs {@code count} calls on {@code threads} threads, released together once all are
	 * queued.
	 * @return their results, in the order of their indexes
	 */
	public static <T> List<T> run(int count, int threads, Call<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit((Callable<T>) () -> {
					go.await();
					return call.run(index);
				}));
			}
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** One of the calls, told its index. */
	public interface Call<T> {

		T run(int index) throws Exception;

	}

}
