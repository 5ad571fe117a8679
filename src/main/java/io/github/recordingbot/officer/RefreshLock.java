package io.github.recordingbot.officer;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps other processes out while the officer's token is refreshed or replaced, so that
 * replicas on one PostgreSQL never refresh at the same time (which could burn a rotated
 * refresh token). Threads of one process are kept apart by {@link OfficerTokenSource}'s
 * own lock, taken first.
 */
interface RefreshLock {

	/** One process on its own H2 file: nobody else to keep out. */
	RefreshLock IN_PROCESS = new RefreshLock() {

		@Override
		public <T> T holding(Supplier<T> work) {
			return work.get();
		}

	};

	/**
	 * Runs the work while no other process does; the work reads the store again, since
	 * another process may have refreshed the token meanwhile.
	 */
	<T> T holding(Supplier<T> work);

	/**
	 * A PostgreSQL advisory lock held by a transaction around the work: released when the
	 * work's writes commit, or when the connection breaks, so a replica that dies while
	 * refreshing leaves no lock behind.
	 *
	 * @see <a href=
	 * "https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS">PostgreSQL
	 * advisory locks</a>
	 */
	record Advisory(JdbcTemplate jdbc, TransactionTemplate transactions) implements RefreshLock {

		/** This lock's number among the database's advisory locks ("RecBot" + 1). */
		static final long KEY = 0x5265_6342_6f74_0001L;

		@Override
		public <T> T holding(Supplier<T> work) {
			return this.transactions.execute((status) -> {
				this.jdbc.query("SELECT pg_advisory_xact_lock(?)", (rs) -> null, KEY);
				return work.get();
			});
		}

	}

}
