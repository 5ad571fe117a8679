package io.github.recordingbot.alert;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexModels.NewMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

/**
 * Sends a claimed message to an operator (1-1, bot token) on a background executor, so no
 * user request waits for it; a failure gives the claim back, and the next evaluation
 * tries again. Logs name the condition and the operator's position in the list, never the
 * address or the text.
 */
class AlertSender implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AlertSender.class);

	private final WebexClient webex;

	private final AlertStore store;

	private final Executor executor;

	AlertSender(WebexClient webex, AlertStore store, Executor executor) {
		this.webex = webex;
		this.store = store;
		this.executor = executor;
	}

	void send(Claim claim) {
		try {
			this.executor.execute(() -> deliver(claim));
		}
		catch (RejectedExecutionException ex) {
			this.store.release(claim.previous(), claim.next());
			logger.warn("Alert {} ({}) for operator #{} not queued; retried at the next evaluation",
					claim.next().conditionId(), claim.next().kind(), claim.operatorIndex());
		}
	}

	@Override
	public void destroy() {
		if (this.executor instanceof ExecutorService service) {
			service.shutdownNow();
		}
	}

	private void deliver(Claim claim) {
		try {
			this.webex.postMessage(NewMessage.toPersonEmail(claim.next().operator(), claim.markdown()));
			logger.info("Told operator #{} about {} ({})", claim.operatorIndex(), claim.next().conditionId(),
					claim.next().kind());
		}
		catch (RuntimeException ex) {
			this.store.release(claim.previous(), claim.next());
			String status = (ex instanceof WebexException webexEx) ? String.valueOf(webexEx.status())
					: ex.getClass().getSimpleName();
			logger.warn("Could not tell operator #{} about {} ({}): {}; retried at the next evaluation",
					claim.operatorIndex(), claim.next().conditionId(), claim.next().kind(), status);
		}
	}

	/**
	 * One message this replica won the right to send.
	 *
	 * @param previous the notice row before the claim, {@code null} if there was none
	 * @param next the notice row the claim wrote
	 * @param operatorIndex the operator's position in {@code operators}, for the log
	 * @param markdown the message
	 */
	record Claim(AlertStore.@Nullable Notice previous, AlertStore.Notice next, int operatorIndex, String markdown) {
	}

}
