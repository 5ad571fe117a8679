package io.github.recordingbot.replicas;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Gives each replica an instance id when the operator set none and the database is
 * PostgreSQL (which replicas may share): the host name, which Kubernetes sets to the
 * pod's name. A single bot on its H2 file keeps no id, and so its {@code audit.jsonl}.
 */
class InstanceIdDefault implements EnvironmentPostProcessor, Ordered {

	static final String KEY = "bot.instance-id";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url", "");
		if (StringUtils.hasText(environment.getProperty(KEY))
				|| DatabaseDriver.fromJdbcUrl(url) != DatabaseDriver.POSTGRESQL) {
			return;
		}
		String id = fromHostName(hostName());
		if (!id.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("instanceIdDefault", Map.of(KEY, id)));
		}
	}

	/** The host name's first label, in the characters an instance id allows. */
	static String fromHostName(String hostName) {
		String label = (hostName != null) ? hostName.trim().split("\\.", 2)[0] : "";
		String id = label.replaceAll("[^A-Za-z0-9_-]", "-").toLowerCase(Locale.ROOT);
		return (id.length() > 63) ? id.substring(0, 63) : id;
	}

	static String hostName() {
		String env = System.getenv("HOSTNAME");
		if (StringUtils.hasText(env)) {
			return env;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "";
		}
	}

	@Override
	public int getOrder() {
		// after the config files are read, which is when spring.datasource.url is known
		return Ordered.LOWEST_PRECEDENCE;
	}

}
