package io.github.recordingbot.alert;

import java.time.Instant;
import java.util.List;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.texts.BotTexts;
import io.github.recordingbot.card.Markdown;

import org.springframework.stereotype.Component;

/**
 * Writes the operator's messages from {@code alert.*} in the message bundles, in the
 * language of config.json: what happened, since when, what users experience, and the one
 * action that fixes it. The only link is the bot's own {@code /webex/authorize}.
 */
@Component
class AlertTexts {

	private final BotTexts texts;

	private final String authorizeUrl;

	AlertTexts(BotTexts texts, BotProperties bot) {
		this.texts = texts;
		this.authorizeUrl = bot.publicUrl("/webex/authorize");
	}

	String message(AlertStore.Kind kind, AlertStore.ConditionRow row, Instant now) {
		// alert.<id>.title, .what[.<variant>], .impact, .fix
		String prefix = "alert." + row.condition().id() + ".";
		String title = this.texts.get(prefix + "title");
		if (kind == AlertStore.Kind.CLEAR) {
			return this.texts.get("alert.clear", title, time(row.since()), time(now));
		}
		String what = this.texts.get(prefix + "what" + ((row.variant() != null) ? "." + row.variant() : ""),
				escaped(row.args()));
		String impact = this.texts.get(prefix + "impact");
		String fix = this.texts.get(prefix + "fix", this.authorizeUrl);
		String heading = (kind == AlertStore.Kind.START) ? "alert.start" : "alert.reminder";
		return this.texts.get(heading, title, what, time(row.since()), impact, fix);
	}

	/** A time as every message shows it. */
	static String time(Instant instant) {
		return (instant != null) ? BotTexts.utc(instant) : "?";
	}

	private static Object[] escaped(List<String> args) {
		return args.stream().map(Markdown::escape).toArray();
	}

}
