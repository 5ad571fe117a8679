import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's HEALTHCHECK: the JRE image has neither curl nor wget, so a few lines of Java ask
 * /actuator/health/liveness and exit 0 only on HTTP 200 (status UP). Liveness looks at nothing
 * outside the process, so neither Webex nor the officer's authorization restarts the container.
 */
public final class HealthCheck {

	public static void main(String[] args) throws Exception {
		String url = (args.length > 0) ? args[0] : "http://localhost:8080/actuator/health/liveness";
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			HttpResponse<Void> response = client.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(4)).build(),
					HttpResponse.BodyHandlers.discarding());
			System.exit((response.statusCode() == 200) ? 0 : 1);
		}
		catch (Exception ex) {
			System.exit(1);
		}
	}

}
