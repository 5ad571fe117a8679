package io.github.recordingbot.card;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An Adaptive Card as Webex renders it (schema 1.3), built from immutable records.
 *
 * @see <a href="https://developer.webex.com/docs/buttons-and-cards">Webex buttons and
 * cards</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "$schema", "version", "body", "actions" })
public record AdaptiveCard(List<Element> body, List<Action> actions) {

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
	public sealed interface Element permits TextBlock, TextInput, NumberInput, Container, ActionSet {

	}

	/** An action button. */
	public sealed interface Action permits Submit, OpenUrl {

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

	/** {@code Container}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Container(List<Element> items, String separator) implements Element {

		public Container {
			items = List.copyOf(items);
		}

		@JsonProperty("type")
		public String type() {
			return "Container";
		}

	}

	/** {@code ActionSet}: buttons inside the body. */
	public record ActionSet(List<Action> actions) implements Element {

		public ActionSet {
			actions = List.copyOf(actions);
		}

		@JsonProperty("type")
		public String type() {
			return "ActionSet";
		}

	}

	/** {@code Action.Submit}; Webex merges {@code data} into the submitted inputs. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Submit(String title, Map<String, String> data) implements Action {

		@JsonProperty("type")
		public String type() {
			return "Action.Submit";
		}

	}

	/** {@code Action.OpenUrl}. */
	public record OpenUrl(String title, String url) implements Action {

		@JsonProperty("type")
		public String type() {
			return "Action.OpenUrl";
		}

	}

}
