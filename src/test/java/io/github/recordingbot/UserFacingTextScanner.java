package io.github.recordingbot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds user-facing text written in Java source instead of the message bundles: a string
 * literal that reads like a sentence, or any wording handed straight to a reply or card
 * builder. Log lines, exception messages, annotations, date patterns and SQL handed to a
 * {@code JdbcTemplate} are for operators or the database and may stay.
 */
final class UserFacingTextScanner {

	/** Two words of letters separated by white space: "Hello there", "přesně tak". */
	private static final Pattern SENTENCE = Pattern.compile("\\p{L}{2,}[\\s\\p{Punct}]*\\s+\\p{L}{2,}");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/**
	 * A literal as the text (first argument) of something the user reads; later ones are
	 * styles.
	 */
	private static final Pattern USER_FACING_CALL = Pattern.compile(
			"(?:Reply\\s*\\.\\s*text|new\\s+Reply|TextBlock\\s*\\.\\s*\\w+|new\\s+TextBlock|new\\s+Submit|new\\s+OpenUrl"
					+ "|new\\s+Fact)\\s*\\(\\s*$");

	/**
	 * Statements whose literals are for operators, not chat users (logs, exceptions,
	 * metric descriptions), or SQL for the database.
	 */
	private static final Pattern OPERATOR_CONTEXT = Pattern.compile(
			"(?:\\blogger\\s*\\.|\\bjdbc\\s*\\.\\s*(?:update|query\\w*|execute)\\s*\\(|\\blog\\s*\\.|\\bthrow\\s+new\\b|new\\s+\\w*Exception\\s*\\(|@\\w+(?:\\.\\w+)*\\s*\\(\\s*(?:\\w+\\s*=\\s*)?$|\\bofPattern\\s*\\(|\\.description\\s*\\(\\s*$)");

	private UserFacingTextScanner() {
	}

	/**
	 * The findings in one source file, each as {@code file:line: "literal"}.
	 * @param fileName the file's name, for the findings
	 * @param source the Java source
	 * @return one entry per literal that should be a message key
	 */
	static List<String> findings(String fileName, String source) {
		List<String> findings = new ArrayList<>();
		StringBuilder code = new StringBuilder(source.length());
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (source.startsWith("//", i)) {
				int end = source.indexOf('\n', i);
				end = (end < 0) ? source.length() : end;
				blank(code, end - i);
				i = end;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				end = (end < 0) ? source.length() : end + 2;
				blankKeepingLines(code, source, i, end);
				i = end;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				end = (end < 0) ? source.length() : end + 3;
				check(findings, fileName, source, code, i, source.substring(i + 3, Math.max(i + 3, end - 3)));
				code.append("\"\"\"");
				blankKeepingLines(code, source, i + 3, end - 3);
				code.append("\"\"\"");
				i = end;
			}
			else if (c == '"' || c == '\'') {
				int end = i + 1;
				while (end < source.length() && source.charAt(end) != c && source.charAt(end) != '\n') {
					end += (source.charAt(end) == '\\') ? 2 : 1;
				}
				end = Math.min(end + 1, source.length());
				if (c == '"') {
					check(findings, fileName, source, code, i, source.substring(i + 1, Math.max(i + 1, end - 1)));
				}
				code.append(c);
				blank(code, end - i - 2);
				code.append(c);
				i = end;
			}
			else {
				code.append(c);
				i++;
			}
		}
		return findings;
	}

	private static void check(List<String> findings, String fileName, String source, StringBuilder code, int at,
			String literal) {
		String statement = statementBefore(code);
		if (OPERATOR_CONTEXT.matcher(statement).find()) {
			return;
		}
		boolean sentence = SENTENCE.matcher(literal).find();
		boolean handedToUser = USER_FACING_CALL.matcher(statement).find() && LETTER.matcher(literal).find();
		if (sentence || handedToUser) {
			int line = (int) source.substring(0, at).chars().filter((ch) -> ch == '\n').count() + 1;
			findings.add(fileName + ":" + line + ": \"" + literal.strip() + "\"");
		}
	}

	/**
	 * The code of the current statement up to here: back to the last {@code ;}, {@code {}
	 * or {@code }}.
	 */
	private static String statementBefore(StringBuilder code) {
		int start = code.length();
		while (start > 0) {
			char c = code.charAt(start - 1);
			if (c == ';' || c == '{' || c == '}') {
				break;
			}
			start--;
		}
		return code.substring(start);
	}

	private static void blank(StringBuilder code, int count) {
		code.append(" ".repeat(Math.max(0, count)));
	}

	private static void blankKeepingLines(StringBuilder code, String source, int from, int to) {
		for (int j = from; j < to; j++) {
			code.append((source.charAt(j) == '\n') ? '\n' : ' ');
		}
	}

}
