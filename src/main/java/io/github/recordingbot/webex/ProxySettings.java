package io.github.recordingbot.webex;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;

import org.jspecify.annotations.Nullable;

/**
 * The outbound proxy every connection of the bot goes through, parsed once: the container
 * convention {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (bound as
 * {@code webex.proxy.*}), else the JVM's {@code https.proxyHost},
 * {@code https.proxyPort}, {@code http.proxyHost}, {@code http.proxyPort} and
 * {@code http.nonProxyHosts}. As with curl, {@code https} and {@code wss} addresses use
 * the https proxy, {@code http} and {@code ws} the http one. It gives the JDK clients a
 * {@link ProxySelector} and an {@link Authenticator}, and Apache HttpClient a route
 * planner and credentials. The password never leaves this record: {@link #toString()} and
 * {@link #describe()} leave it out.
 *
 * @param https the proxy for https and wss, {@code null} for none
 * @param http the proxy for http and ws, {@code null} for none
 * @param noProxy hosts reached directly: {@code example.com} and {@code .example.com}
 * match the domain and its subdomains, {@code *} matches every host; a JVM pattern's
 * {@code *.example.com} and {@code 127.*} work too
 */
public record ProxySettings(Endpoint https, Endpoint http, List<String> noProxy) {

	/** No proxy: every connection is direct. */
	public static final ProxySettings NONE = new ProxySettings(null, null, List.of());

	public ProxySettings {
		noProxy = List.copyOf(noProxy);
	}

	/**
	 * The settings from {@code webex.proxy.*}, else from the JVM's system properties.
	 * @param proxy the bound environment variables
	 * @param systemProperties how a JVM property is read, e.g.
	 * {@code System::getProperty}
	 * @return the parsed settings
	 */
	public static ProxySettings from(WebexProperties.Proxy proxy, UnaryOperator<String> systemProperties) {
		Endpoint https = Endpoint.parse(proxy.httpsUrl(), "webex.proxy.https-url (HTTPS_PROXY)");
		Endpoint http = Endpoint.parse(proxy.httpUrl(), "webex.proxy.http-url (HTTP_PROXY)");
		List<String> noProxy = split(proxy.noProxy(), ",");
		if (https == null && http == null) {
			https = Endpoint.jvm(systemProperties, "https", 443);
			http = Endpoint.jvm(systemProperties, "http", 80);
			if (noProxy.isEmpty()) {
				noProxy = split(systemProperties.apply("http.nonProxyHosts"), "|");
			}
		}
		return new ProxySettings(https, http, noProxy);
	}

	/** The proxy for this address, or empty when it is reached directly. */
	public Optional<Endpoint> forUri(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		Endpoint endpoint = switch (scheme) {
			case "https", "wss" -> this.https;
			case "http", "ws" -> this.http;
			default -> null;
		};
		return (endpoint == null || bypasses(uri.getHost())) ? Optional.empty() : Optional.of(endpoint);
	}

	/** Whether any proxy is set. */
	public boolean enabled() {
		return this.https != null || this.http != null;
	}

	/**
	 * For the status page and the log, e.g. {@code proxy: proxy.corp:3128, with
	 * credentials}; never the user or the password.
	 */
	public String describe() {
		if (!enabled()) {
			return "no proxy: connections are direct";
		}
		String text = (this.https == null || this.http == null || this.https.sameAddress(this.http))
				? "proxy: " + ((this.https != null) ? this.https : this.http).describe()
				: "proxy: " + this.https.describe() + " for https, " + this.http.describe() + " for http";
		if (this.https == null) {
			text += " (http only: https addresses are reached directly)";
		}
		return text + (this.noProxy.isEmpty() ? "" : "; direct for " + String.join(", ", this.noProxy));
	}

	/** The selector the JDK clients and Apache HttpClient's route planner ask. */
	public ProxySelector selector() {
		return new ProxySelector() {

			@Override
			public List<Proxy> select(URI uri) {
				return forUri(uri)
					.map((e) -> List
						.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(e.host(), e.port()))))
					.orElse(List.of(Proxy.NO_PROXY));
			}

			@Override
			public void connectFailed(URI uri, SocketAddress address, IOException ex) {
				// ProxyFailures records it, with the call that failed
			}

		};
	}

	/**
	 * Answers a proxy's 407 with its credentials, and nothing else: a server's 401 is the
	 * clients' business.
	 */
	public Authenticator authenticator() {
		return new Authenticator() {

			@Override
			protected @Nullable PasswordAuthentication getPasswordAuthentication() {
				if (getRequestorType() != RequestorType.PROXY) {
					return null;
				}
				for (Endpoint endpoint : Arrays.asList(ProxySettings.this.https, ProxySettings.this.http)) {
					if (endpoint != null && endpoint.hasCredentials()
							&& endpoint.host().equalsIgnoreCase(getRequestingHost())
							&& endpoint.port() == getRequestingPort()) {
						return new PasswordAuthentication(endpoint.username(), endpoint.password().toCharArray());
					}
				}
				return null;
			}

		};
	}

	/** A JDK client through the proxy (the websocket's). */
	public HttpClient.Builder configure(HttpClient.Builder builder) {
		builder.proxy(selector());
		if (hasCredentials()) {
			builder.authenticator(authenticator());
		}
		return builder;
	}

	/** Apache HttpClient through the proxy (every REST call's). */
	public void configure(HttpClientBuilder builder) {
		builder.setRoutePlanner(new SystemDefaultRoutePlanner(selector()));
		BasicCredentialsProvider credentials = new BasicCredentialsProvider();
		for (Endpoint endpoint : Arrays.asList(this.https, this.http)) {
			if (endpoint != null && endpoint.hasCredentials()) {
				credentials.setCredentials(new AuthScope(endpoint.host(), endpoint.port()),
						new UsernamePasswordCredentials(endpoint.username(), endpoint.password().toCharArray()));
			}
		}
		builder.setDefaultCredentialsProvider(credentials);
	}

	private boolean hasCredentials() {
		return (this.https != null && this.https.hasCredentials()) || (this.http != null && this.http.hasCredentials());
	}

	private boolean bypasses(String host) {
		if (host == null) {
			return true;
		}
		String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
		for (String entry : this.noProxy) {
			if (matches(name, entry)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(String host, String entry) {
		if (entry.equals("*")) {
			return true;
		}
		if (entry.startsWith("*.") || entry.startsWith(".")) {
			String domain = entry.substring(entry.indexOf('.') + 1);
			return host.equals(domain) || host.endsWith("." + domain);
		}
		if (entry.endsWith("*")) {
			return host.startsWith(entry.substring(0, entry.length() - 1));
		}
		return host.equals(entry) || host.endsWith("." + entry);
	}

	private static List<String> split(String value, String separator) {
		List<String> entries = new ArrayList<>();
		if (value != null) {
			for (String entry : value.split(java.util.regex.Pattern.quote(separator))) {
				String trimmed = entry.strip().toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
				// a port is not looked at: NO_PROXY=host:8080 means the host
				trimmed = trimmed.contains("]:") ? trimmed.substring(0, trimmed.indexOf("]:"))
						: (trimmed.chars().filter((c) -> c == ':').count() == 1) ? trimmed.replaceAll(":\\d+$", "")
								: trimmed;
				if (!trimmed.isEmpty()) {
					entries.add(trimmed);
				}
			}
		}
		return entries;
	}

	/**
	 * One proxy server.
	 *
	 * @param host its host name or address
	 * @param port its port
	 * @param username the user it authenticates, {@code null} for none
	 * @param password that user's password, {@code null} for none
	 */
	public record Endpoint(String host, int port, String username, String password) {

		static @Nullable Endpoint parse(String url, String key) {
			if (url == null || url.isBlank()) {
				return null;
			}
			String value = url.strip();
			URI uri;
			try {
				uri = URI.create(value.contains("://") ? value : "http://" + value);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(key + " must be a URL such as http://proxy.example.com:3128", ex);
			}
			if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
				// the URL is not echoed: it may hold a password
				throw new IllegalArgumentException(key
						+ " must be an http:// URL such as http://user:password@proxy.example.com:3128 (a proxy spoken to over TLS is not supported)");
			}
			String username = null;
			String password = null;
			if (uri.getRawUserInfo() != null) {
				String[] parts = uri.getRawUserInfo().split(":", 2);
				username = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
				password = (parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
			}
			return new Endpoint(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 80, username, password);
		}

		static @Nullable Endpoint jvm(UnaryOperator<String> properties, String protocol, int defaultPort) {
			String host = properties.apply(protocol + ".proxyHost");
			if (host == null || host.isBlank()) {
				return null;
			}
			String port = properties.apply(protocol + ".proxyPort");
			try {
				return new Endpoint(host.strip(),
						(port == null || port.isBlank()) ? defaultPort : Integer.parseInt(port.strip()), null, null);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(protocol + ".proxyPort must be a port number, got " + port, ex);
			}
		}

		/** Whether the proxy gets a user and password. */
		public boolean hasCredentials() {
			return this.username != null && !this.username.isEmpty();
		}

		/** {@code host:port}, and whether credentials are sent; never what they are. */
		public String describe() {
			return this.host + ":" + this.port + (hasCredentials() ? ", with credentials" : "");
		}

		boolean sameAddress(Endpoint other) {
			return this.host.equalsIgnoreCase(other.host) && this.port == other.port;
		}

		@Override
		public String toString() {
			return describe();
		}

	}

}
