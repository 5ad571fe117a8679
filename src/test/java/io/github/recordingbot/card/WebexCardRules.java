package io.github.recordingbot.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Webex accepts in a card: version 1.3, valid against the published Adaptive Cards
 * 1.3 schema (which lists every element and property 1.3 knows, so anything newer or
 * misspelled fails), and at most five actions counted over the whole card, in
 * {@code actions}, in {@code ActionSet}s, in {@code selectAction}s and in shown cards.
 *
 * @see <a href="https://developer.webex.com/docs/buttons-and-cards">Webex buttons and
 * cards</a>
 */
public final class WebexCardRules {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Schema SCHEMA = schema();

	private static final Pattern MARKDOWN_LINK = Pattern
		.compile("(?<!\\\\)\\[((?:\\\\.|[^\\]\\\\])*)\\]\\(([^)\\s]+)\\)");

	private WebexCardRules() {
	}

	/**
	 * Asserts that Webex accepts the card.
	 * @param card the card as the bot builds it
	 */
	public static void assertAccepted(AdaptiveCard card) {
		assertThat(violations(json(card))).as("what Webex would refuse in %s", json(card)).isEmpty();
	}

	/**
	 * The card as it goes to Webex, in {@code attachments[].content}.
	 * @param card the card
	 * @return its JSON
	 */
	public static JsonNode json(AdaptiveCard card) {
		return JSON.valueToTree(card);
	}

	/**
	 * What Webex would refuse in a card.
	 * @param card the card's JSON
	 * @return one line per problem, empty if Webex accepts the card
	 */
	public static List<String> violations(JsonNode card) {
		List<String> violations = new ArrayList<>();
		if (!"1.3".equals(card.path("version").asString(""))) {
			violations.add("version is " + card.path("version") + ", not \"1.3\"");
		}
		int actions = actions(card);
		if (actions > AdaptiveCard.MAX_ACTIONS) {
			violations.add(actions + " actions, more than " + AdaptiveCard.MAX_ACTIONS);
		}
		SCHEMA.validate(card).forEach((error) -> violations.add(error.toString()));
		return violations;
	}

	/**
	 * Counts the actions anywhere in the card.
	 * @param node the card or part of it
	 * @return the number of {@code Action.*} objects
	 */
	public static int actions(JsonNode node) {
		int count = (node.isObject() && node.path("type").asString("").startsWith("Action.")) ? 1 : 0;
		for (JsonNode child : node) {
			count += actions(child);
		}
		return count;
	}

	/**
	 * The targets of the markdown links in the card's text blocks, in order; an escaped
	 * bracket starts no link.
	 * @param card the card's JSON
	 * @return the link targets
	 */
	public static List<String> links(JsonNode card) {
		List<String> links = new ArrayList<>();
		if (card.isObject() && "TextBlock".equals(card.path("type").asString(""))) {
			links.addAll(markdownLinks(card.path("text").asString("")));
		}
		card.forEach((child) -> links.addAll(links(child)));
		return links;
	}

	/**
	 * The targets of the links in markdown, in order; an escaped bracket starts no link.
	 * @param markdown the markdown
	 * @return the link targets
	 */
	public static List<String> markdownLinks(String markdown) {
		return MARKDOWN_LINK.matcher(markdown).results().map((link) -> link.group(2)).toList();
	}

	private static Schema schema() {
		// The schema declares draft-06 but names itself with draft-04's "id": read that,
		// like its own "version", "features" and "example", as an annotation.
		Dialect.Builder draft6 = Dialect.builder(Dialects.getDraft6());
		Stream.of("id", "version", "features", "example").map(NonValidationKeyword::new).forEach(draft6::keyword);
		try (InputStream in = WebexCardRules.class.getResourceAsStream("/adaptivecards/adaptive-card-1.3.0.json")) {
			return SchemaRegistry.withDialect(draft6.build()).getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the Adaptive Cards 1.3 schema", ex);
		}
	}

}
