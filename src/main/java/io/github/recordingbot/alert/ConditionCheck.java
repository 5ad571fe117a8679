package io.github.recordingbot.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Asks one fact whether its condition holds right now. Implemented next to the fact, or
 * here over the fact's public methods; every bean of this type is evaluated.
 */
public interface ConditionCheck {

	/** The condition this check looks at. */
	Condition condition();

	/**
	 * Looks at the fact now.
	 * @param now the evaluation's time
	 * @return what is wrong, or empty when all is well
	 */
	Optional<Observation> observe(Instant now);

	/** A check from a function. */
	static ConditionCheck of(Condition condition, Function<Instant, Optional<Observation>> observe) {
		return new ConditionCheck() {

			@Override
			public Condition condition() {
				return condition;
			}

			@Override
			public Optional<Observation> observe(Instant now) {
				return observe.apply(now);
			}

		};
	}

	/**
	 * What a check saw. Arguments go into the message as they are (escaped): never a
	 * secret, token, link or message text.
	 *
	 * @param since when it started, as far as the fact knows; {@code null} for now
	 * @param variant which wording of {@code alert.<id>.what} applies, or {@code null}
	 * @param args the arguments of that wording
	 */
	record Observation(@Nullable Instant since, @Nullable String variant, List<String> args) {

		public Observation {
			args = List.copyOf(args);
		}

		/** An observation with one wording. */
		public static Observation since(Instant since, String... args) {
			return new Observation(since, null, List.of(args));
		}

	}

}
