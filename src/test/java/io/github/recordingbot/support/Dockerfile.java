package io.github.recordingbot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the project's Dockerfile sets, for the tests and benchmarks that run the jar as
 * the image does.
 */
public final class Dockerfile {

	private Dockerfile() {
	}

	/**
	 * The value the Dockerfile's {@code ENV} gives {@code name} ({@code NAME=value} or
	 * {@code NAME="value"}).
	 */
	public static String env(String name) {
		try {
			Matcher matcher = Pattern.compile("\\b" + name + "=(\"([^\"]*)\"|(\\S+))")
				.matcher(Files.readString(Path.of("Dockerfile")));
			if (!matcher.find()) {
				throw new IllegalStateException("the Dockerfile sets no " + name);
			}
			return (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
