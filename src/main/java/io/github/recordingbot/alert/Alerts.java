package io.github.recordingbot.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.recordingbot.access.AccessRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code alerts.interval}: asks each {@link ConditionCheck}, records what it saw in
 * the shared store, and tells each operator in {@code operators} of a condition's start,
 * once a {@code alerts.reminder-interval} while it lasts, and of its end.
 */
public class Alerts {

	private static final Logger logger = LoggerFactory.getLogger(Alerts.class);

	private final List<ConditionCheck> checks;

	private final AlertStore store;

	private final AccessRules rules;

	private final AlertTexts texts;

	private final AlertSender sender;

	private final AlertProperties properties;

	private final Clock clock;

	Alerts(List<ConditionCheck> checks, AlertStore store, AccessRules rules, AlertTexts texts, AlertSender sender,
			AlertProperties properties, Clock clock) {
		this.checks = List.copyOf(checks);
		this.store = store;
		this.rules = rules;
		this.texts = texts;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${alerts.interval:PT1M}", initialDelayString = "${alerts.interval:PT1M}")
	void scheduled() {
		try {
			evaluate();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not evaluate the operator alerts: {}", ex.toString());
		}
	}

	/** Evaluates every condition now and queues the messages that are due. */
	public void evaluate() {
		// millisecond precision: claims compare stored times, and every database keeps
		// them
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Set<Condition> looked = EnumSet.noneOf(Condition.class);
		Set<Condition> seen = EnumSet.noneOf(Condition.class);
		for (ConditionCheck check : this.checks) {
			try {
				Optional<ConditionCheck.Observation> observation = check.observe(now);
				looked.add(check.condition());
				if (observation.isPresent()) {
					seen.add(check.condition());
					this.store.seen(check.condition(), observation.get(), now);
				}
			}
			catch (RuntimeException ex) {
				// neither seen nor cleared: the next evaluation asks again
				logger.warn("Could not check alert condition {}: {}", check.condition().id(), ex.toString());
			}
		}
		looked.removeAll(seen);
		for (Condition condition : looked) {
			if (this.store.notSeen(condition, now, now.minus(this.properties.clearAfter()))) {
				logger.info("Alert condition {} cleared", condition.id());
			}
		}
		tellOperators(now);
	}

	private void tellOperators(Instant now) {
		List<String> operators = this.rules.current().operators();
		if (operators.isEmpty()) {
			return;
		}
		Map<String, AlertStore.Notice> notices = this.store.notices()
			.stream()
			.collect(Collectors.toMap((n) -> n.conditionId() + " " + n.operator(), Function.identity()));
		for (AlertStore.ConditionRow row : this.store.conditions()) {
			for (int i = 0; i < operators.size(); i++) {
				String operator = operators.get(i);
				AlertStore.Notice previous = notices.get(row.condition().id() + " " + operator);
				AlertStore.Kind due = due(row, previous, now);
				if (due != null) {
					AlertStore.Notice next = new AlertStore.Notice(row.condition().id(), operator, row.openedAt(), due,
							now);
					if (this.store.claim(previous, next)) {
						this.sender.send(new AlertSender.Claim(previous, next, i, this.texts.message(due, row, now)));
					}
				}
			}
		}
	}

	/** Which message, if any, the operator is due about this condition. */
	private AlertStore.Kind due(AlertStore.ConditionRow row, AlertStore.Notice told, Instant now) {
		boolean sameEpisode = told != null && told.openedAt().equals(row.openedAt());
		if (row.open()) {
			if (!sameEpisode) {
				return AlertStore.Kind.START;
			}
			boolean reminderDue = !told.toldAt().plus(this.properties.reminderInterval()).isAfter(now);
			return (told.kind() != AlertStore.Kind.CLEAR && reminderDue) ? AlertStore.Kind.REMINDER : null;
		}
		// only who was told of the start hears of the end, and only for a while
		boolean recent = row.clearedAt().plus(this.properties.reminderInterval()).isAfter(now);
		return (sameEpisode && told.kind() != AlertStore.Kind.CLEAR && recent) ? AlertStore.Kind.CLEAR : null;
	}

	/** The open conditions and when each operator was last told, for the status page. */
	public Overview overview() {
		List<Open> open = new ArrayList<>();
		for (AlertStore.ConditionRow row : this.store.conditions()) {
			if (row.open()) {
				open.add(new Open(row.condition(), row.since(), row.lastSeen()));
			}
		}
		List<AlertStore.Notice> notices = this.store.notices();
		List<Told> told = this.rules.current()
			.operators()
			.stream()
			.map((operator) -> notices.stream()
				.filter((n) -> n.operator().equals(operator))
				.max(Comparator.comparing(AlertStore.Notice::toldAt))
				.map((n) -> new Told(operator, n.toldAt(), n.conditionId(), n.kind().name().toLowerCase(Locale.ROOT)))
				.orElse(new Told(operator, null, null, null)))
			.toList();
		return new Overview(open, told);
	}

	/**
	 * What the status page shows.
	 *
	 * @param open the open conditions
	 * @param operators one entry per operator in config.json, in its order
	 */
	public record Overview(List<Open> open, List<Told> operators) {
	}

	/**
	 * An open condition.
	 *
	 * @param condition which
	 * @param since since when
	 * @param lastSeen when a replica last saw it
	 */
	public record Open(Condition condition, Instant since, Instant lastSeen) {
	}

	/**
	 * When an operator was last told.
	 *
	 * @param operator the e-mail
	 * @param at when, {@code null} if never
	 * @param conditionId about which condition
	 * @param kind start, reminder or clear
	 */
	public record Told(String operator, @Nullable Instant at, String conditionId, String kind) {
	}

}
