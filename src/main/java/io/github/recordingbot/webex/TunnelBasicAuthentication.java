package io.github.recordingbot.webex;

import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Lets the websocket answer a proxy's Basic challenge: the JDK client tunnels the
 * websocket with {@code CONNECT} and by default refuses Basic for tunnels
 * ({@code jdk.http.auth.tunneling.disabledSchemes=Basic}), even with a preemptive
 * {@code Proxy-Authorization} header, which it strips. When {@code HTTPS_PROXY} or
 * {@code HTTP_PROXY} holds a user and password, this empties that property, before any
 * JDK HTTP client is built: the JDK reads it once, when its HTTP internals load
 * ({@code jdk.internal.net.http.common.Utils}). A value the operator set is kept. The
 * REST clients (Apache HttpClient) do not need this.
 *
 * @see <a href=
 * "https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/net/doc-files/net-properties.html">Networking
 * Properties</a>
 */
class TunnelBasicAuthentication implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "jdk.http.auth.tunneling.disabledSchemes";

	private final Log log;

	TunnelBasicAuthentication(DeferredLogFactory logs) {
		this.log = logs.getLog(TunnelBasicAuthentication.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		enable(environment, System.getProperties()).ifPresent((note) -> {
			if (note.warning()) {
				this.log.warn(note.text());
			}
			else {
				this.log.info(note.text());
			}
		});
	}

	/**
	 * Empties the property when a proxy has credentials and the operator set none.
	 * @param environment where {@code webex.proxy.*} is read
	 * @param systemProperties the JVM's, or a copy in tests
	 * @return what to log, if anything; never a user or password
	 */
	static Optional<Note> enable(Environment environment, Properties systemProperties) {
		if (!hasCredentials(environment.getProperty("webex.proxy.https-url"))
				&& !hasCredentials(environment.getProperty("webex.proxy.http-url"))) {
			return Optional.empty();
		}
		String set = systemProperties.getProperty(PROPERTY);
		if (set == null) {
			systemProperties.setProperty(PROPERTY, "");
			return Optional
				.of(new Note(false, "Basic proxy authentication enabled for CONNECT tunnels (the websocket's): "
						+ PROPERTY + " is empty"));
		}
		if (Stream.of(set.split(",")).anyMatch((scheme) -> scheme.strip().equalsIgnoreCase("Basic"))) {
			return Optional.of(new Note(true, PROPERTY + " is set to '" + set
					+ "' on the command line: the websocket cannot answer the proxy's Basic challenge"));
		}
		return Optional.empty();
	}

	private static boolean hasCredentials(String url) {
		try {
			ProxySettings.Endpoint endpoint = ProxySettings.Endpoint.parse(url, "proxy");
			return endpoint != null && endpoint.hasCredentials();
		}
		catch (IllegalArgumentException ex) {
			// ProxySettings reports it, naming the key, when the beans are built
			return false;
		}
	}

	@Override
	public int getOrder() {
		// after the config files are read, which is when webex.proxy.* is known
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** A line for the log, and whether it is a warning. */
	record Note(boolean warning, String text) {
	}

}
