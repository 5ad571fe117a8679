package io.github.recordingbot.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexModels.Person;
import io.github.recordingbot.webex.WebexProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who the bot is in Webex ({@code GET /people/me}), asked once at startup and again only
 * while it is unknown, so that the bot's own messages are dropped before any other call.
 */
@Component
public class BotIdentity {

	private static final Logger logger = LoggerFactory.getLogger(BotIdentity.class);

	private static final String BOT_DOMAIN = "@webex.bot";

	private final WebexClient webex;

	private final WebexProperties properties;

	private final AtomicReference<Person> me = new AtomicReference<>();

	private final ReentrantLock refresh = new ReentrantLock();

	public BotIdentity(WebexClient webex, WebexProperties properties) {
		this.webex = webex;
		this.properties = properties;
	}

	/**
	 * Asks once the bot is ready, on a thread of its own, so that a slow Webex never
	 * holds back readiness or the first webhook. Until the answer, the bot's own messages
	 * are still known by their {@code @webex.bot} sender ({@link #isBot}).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		Thread lookup = new Thread(this::refreshIfUnknown, "bot-identity");
		lookup.setDaemon(true);
		lookup.start();
	}

	/**
	 * Retries every minute until the identity is known (Webex may be down at startup).
	 */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void refreshIfUnknown() {
		if (this.me.get() != null || !this.properties.hasBotToken() || !this.refresh.tryLock()) {
			return;
		}
		try {
			Person person = this.webex.me();
			this.me.set(person);
			logger.info("Bot identity: {} ({})", person.displayName(), person.primaryEmail());
		}
		catch (WebexException ex) {
			logger.warn("Could not read the bot's identity from Webex (status {}); check BOT_ACCESS_TOKEN",
					ex.status());
		}
		finally {
			this.refresh.unlock();
		}
	}

	/** The bot's person, once known. */
	public Optional<Person> person() {
		return Optional.ofNullable(this.me.get());
	}

	/** Whether the person id is the bot's own. */
	public boolean isSelf(String personId) {
		Person person = this.me.get();
		return person != null && personId != null && personId.equals(person.id());
	}

	/**
	 * The one rule for senders the bot never answers: itself, and any other bot. Webex
	 * gives every bot an address in {@code @webex.bot}, so a bot is known by its address
	 * even before the bot's own identity is.
	 * @param personId the sender's person id, may be {@code null}
	 * @param email the sender's e-mail, may be {@code null}
	 * @return whether the sender is a bot
	 * @see <a href="https://developer.webex.com/docs/bots">Webex bots</a>
	 */
	public boolean isBot(String personId, String email) {
		return isSelf(personId) || (email != null && email.toLowerCase(Locale.ROOT).endsWith(BOT_DOMAIN));
	}

}
