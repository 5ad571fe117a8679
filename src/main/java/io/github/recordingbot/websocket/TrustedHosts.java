package io.github.recordingbot.websocket;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where the bot token may go in websocket mode: https and wss URLs on Webex's own
 * domains. The U2C catalog and the device service name the hosts the bot talks to next,
 * so without this a catalog that pointed elsewhere would be handed the token.
 *
 * <p>
 * Plain http and ws are accepted only for a loopback host (a test double on this
 * machine), and only when that host is listed too; the token never crosses a network in
 * clear text.
 */
final class TrustedHosts {

	private final List<String> domains;

	/**
	 * @param domains host names trusted with their subdomains, such as {@code wbx2.com}
	 */
	TrustedHosts(List<String> domains) {
		this.domains = domains.stream().map(TrustedHosts::normalize).toList();
	}

	/**
	 * The URL, when the bot token may be sent there.
	 * @param url a URL from the configuration or from a Webex answer
	 * @param what what the URL is for, for the message
	 * @return the URL
	 * @throws UntrustedHostException otherwise, naming the host but never the token
	 */
	URI require(String url, String what) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new UntrustedHostException(what + " is not a URL");
		}
		String host = (uri.getHost() != null) ? normalize(uri.getHost()) : null;
		if (host == null || uri.getRawUserInfo() != null || !trusted(host)) {
			throw new UntrustedHostException(what + " is on " + printable(host) + ", not on "
					+ String.join(", ", this.domains) + " (bot.websocket.trusted-domains)");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean encrypted = scheme.equals("https") || scheme.equals("wss");
		boolean plainOnLoopback = (scheme.equals("http") || scheme.equals("ws")) && loopback(host);
		if (!encrypted && !plainOnLoopback) {
			throw new UntrustedHostException(what + " uses " + printable(scheme) + ", not https or wss");
		}
		return uri;
	}

	private boolean trusted(String host) {
		return this.domains.stream().anyMatch((domain) -> host.equals(domain) || host.endsWith("." + domain));
	}

	private static boolean loopback(String host) {
		if (host.equals("localhost")) {
			return true;
		}
		// Literal addresses only: a name is never resolved here.
		if (!host.matches("[0-9.]+|\\[[0-9a-f:]+\\]")) {
			return false;
		}
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (java.net.UnknownHostException ex) {
			return false;
		}
	}

	private static String normalize(String host) {
		String lower = host.trim().toLowerCase(Locale.ROOT);
		// "*.wbx2.com" and ".wbx2.com" mean what "wbx2.com" means here
		lower = lower.startsWith("*.") ? lower.substring(2) : lower;
		lower = lower.startsWith(".") ? lower.substring(1) : lower;
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	/** Keeps what a foreign answer says one short readable line in the log. */
	private static String printable(String text) {
		if (text == null) {
			return "no host";
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length() && out.length() < 80; i++) {
			char c = text.charAt(i);
			out.append((c > 0x20 && c < 0x7f) ? c : '?');
		}
		return out.toString();
	}

	/** A URL the bot token must not be sent to. */
	static final class UntrustedHostException extends RuntimeException {

		UntrustedHostException(String message) {
			super(message);
		}

	}

}
