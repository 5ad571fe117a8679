package io.github.recordingbot.status;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * A tiny HTML builder for the operator's pages; every value is escaped.
 */
final class StatusPage {

	private final StringBuilder body = new StringBuilder();

	private final String title;

	StatusPage(String title) {
		this.title = title;
	}

	void section(String name) {
		closeTable();
		this.body.append("<h2>").append(HtmlUtils.htmlEscape(name)).append("</h2><table>");
	}

	void row(String name, Object value) {
		row(name, value, false);
	}

	void row(String name, Object value, boolean warn) {
		this.body.append(warn ? "<tr class=\"warn\">" : "<tr>")
			.append("<th>")
			.append(HtmlUtils.htmlEscape(name))
			.append("</th><td>")
			.append(HtmlUtils.htmlEscape(String.valueOf(value)))
			.append("</td></tr>");
	}

	void alert(String text) {
		closeTable();
		this.body.append("<p class=\"alert\">").append(HtmlUtils.htmlEscape(text)).append("</p>");
	}

	void text(String text) {
		closeTable();
		this.body.append("<p>").append(HtmlUtils.htmlEscape(text)).append("</p>");
	}

	void link(String href, String label) {
		closeTable();
		this.body.append("<p><a href=\"")
			.append(HtmlUtils.htmlEscape(href))
			.append("\">")
			.append(HtmlUtils.htmlEscape(label))
			.append("</a></p>");
	}

	/** A POST button; the CSRF token makes sure only this page can trigger it. */
	void button(String action, String label, CsrfToken csrf) {
		closeTable();
		this.body.append("<form method=\"post\" action=\"")
			.append(HtmlUtils.htmlEscape(action))
			.append("\"><input type=\"hidden\" name=\"")
			.append(HtmlUtils.htmlEscape(csrf.getParameterName()))
			.append("\" value=\"")
			.append(HtmlUtils.htmlEscape(csrf.getToken()))
			.append("\"><button type=\"submit\">")
			.append(HtmlUtils.htmlEscape(label))
			.append("</button></form>");
	}

	private void closeTable() {
		int open = this.body.lastIndexOf("<table>");
		if (open >= 0 && this.body.indexOf("</table>", open) < 0) {
			this.body.append("</table>");
		}
	}

	String html() {
		closeTable();
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
				+ HtmlUtils.htmlEscape(this.title) + "</title><style>"
				+ "body{font-family:system-ui,sans-serif;margin:1rem;max-width:48rem}"
				+ "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem;"
				+ "border-bottom:1px solid #ddd;vertical-align:top;overflow-wrap:anywhere}th{width:35%}"
				+ "tr.warn td{color:#8a4b00}.alert{background:#c62828;color:#fff;padding:.6rem;border-radius:4px}"
				+ "form{display:inline-block;margin:.2rem}button{padding:.5rem .8rem}" + "</style></head><body><h1>"
				+ HtmlUtils.htmlEscape(this.title) + "</h1>" + this.body + "</body></html>";
	}

}
