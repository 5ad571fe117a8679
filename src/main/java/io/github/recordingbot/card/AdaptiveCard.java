package io.github.recordingbot.card;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An Adaptive Card as Webex renders it (schema 1.3), built from immutable records.
 *
 * <p>
 * Webex refuses a card with more than {@value #MAX_ACTIONS} actions or with elements
 * newer than 1.3, and a refused card means the user gets no answer at all; text in a
 * {@link TextBlock} is markdown, so text from users or from Webex goes through
 * {@link Markdown#escape(String)}.
 *
 * @see <a href="https://developer.webex.com/docs/buttons-and-cards">Webex buttons and
 * cards</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "$schema", "version", "body", "actions" })
public record AdaptiveCard(List<Element> body, List<Action> actions) {

	/** "Cards may include up to five buttons (actions)", counted over the whole card. */
	public static final int MAX_ACTIONS = 5;

	public AdaptiveCard {
		body = List.copyOf(body);
		actions = (actions != null) ? List.copyOf(actions) : null;
	}

	@JsonProperty("type")
	public String type() {
		return "AdaptiveCard";
	}

	@JsonProperty("$schema")
	public String schema() {
		return "http://adaptivecards.io/schemas/adaptive-card.json";
	}

	@JsonProperty("version")
	public String version() {
		return "1.3";
	}

	/** A body element. */
	public sealed interface Element permits TextBlock, TextInput, NumberInput, DateInput, ChoiceSet, Container {

	}

	/** An action button. */
	public sealed interface Action permits Submit {

	}

	/** {@code TextBlock}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TextBlock(String text, String weight, String size, Boolean isSubtle,
			Boolean wrap) implements Element {

		public static TextBlock of(String text) {
			return new TextBlock(text, null, null, null, true);
		}

		public static TextBlock heading(String text) {
			return new TextBlock(text, "Bolder", "Medium", null, true);
		}

		public static TextBlock bold(String text) {
			return new TextBlock(text, "Bolder", null, null, true);
		}

		public static TextBlock subtle(String text) {
			return new TextBlock(text, null, "Small", true, true);
		}

		@JsonProperty("type")
		public String type() {
			return "TextBlock";
		}

	}

	/** {@code Input.Text}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TextInput(String id, String label, String placeholder, String value, Boolean isRequired,
			String errorMessage) implements Element {

		@JsonProperty("type")
		public String type() {
			return "Input.Text";
		}

	}

	/** {@code Input.Number}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NumberInput(String id, String label, Integer value, Integer min, Integer max,
			String errorMessage) implements Element {

		@JsonProperty("type")
		public String type() {
			return "Input.Number";
		}

	}

	/** {@code Input.Date}: submits {@code YYYY-MM-DD}, or nothing when left empty. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DateInput(String id, String label, String min, String max, String errorMessage) implements Element {

		@JsonProperty("type")
		public String type() {
			return "Input.Date";
		}

	}

	/**
	 * {@code Input.ChoiceSet}; a compact one is a drop-down whose choice titles are plain
	 * text, not markdown.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ChoiceSet(String id, String label, List<Choice> choices, String style, String value,
			Boolean isRequired, String errorMessage, Boolean wrap) implements Element {

		public ChoiceSet {
			choices = List.copyOf(choices);
		}

		/**
		 * A drop-down of choices with the first one selected.
		 * @param id the input's id, the key of the submitted value
		 * @param label the label above the drop-down
		 * @param choices the choices, at least one
		 * @param errorMessage what the client shows when nothing is chosen
		 * @return the input
		 */
		public static ChoiceSet compact(String id, String label, List<Choice> choices, String errorMessage) {
			return new ChoiceSet(id, label, choices, "compact", choices.get(0).value(), true, errorMessage, true);
		}

		@JsonProperty("type")
		public String type() {
			return "Input.ChoiceSet";
		}

	}

	/** {@code Input.Choice}: a title shown and the value submitted. */
	public record Choice(String title, String value) {

	}

	/** {@code Container}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Container(List<Element> items, Boolean separator) implements Element {

		public Container {
			items = List.copyOf(items);
		}

		@JsonProperty("type")
		public String type() {
			return "Container";
		}

	}

	/**
	 * {@code Action.Submit}; Webex merges {@code data} into the submitted inputs.
	 * {@code associatedInputs} {@code none} (1.3) submits no input, so a required field
	 * elsewhere on the card does not block the button.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Submit(String title, Map<String, String> data, String associatedInputs) implements Action {

		public Submit(String title, Map<String, String> data) {
			this(title, data, null);
		}

		/** A button that sends only its {@code data}. */
		public static Submit withoutInputs(String title, Map<String, String> data) {
			return new Submit(title, data, "none");
		}

		@JsonProperty("type")
		public String type() {
			return "Action.Submit";
		}

	}

}
