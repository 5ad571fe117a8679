package io.github.recordingbot.webhook;

import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * {@code POST /webhook} on the servlet container's non-blocking I/O. A blocking read
 * would hold a request thread for as long as the sender takes, so a few hundred
 * connections trickling a byte every few seconds would hold them all; here the body is
 * read as it arrives and must be whole within {@code webhook.body-timeout}, or the sender
 * gets 408 and its connection is closed.
 */
final class WebhookServlet extends HttpServlet {

	static final String PATH = "/webhook";

	private final transient WebhookProperties properties;

	private final transient WebhookReceiver receiver;

	WebhookServlet(WebhookProperties properties, WebhookReceiver receiver) {
		this.properties = properties;
		this.receiver = receiver;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// The metrics name the endpoint as Spring MVC's handlers would.
		ServerHttpObservationFilter.findObservationContext(request).ifPresent((c) -> c.setPathPattern(PATH));
		String signature = request.getHeader(WebhookReceiver.SIGNATURE_HEADER);
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(this.properties.bodyTimeout().toMillis());
		ServletInputStream in = request.getInputStream();
		BodyReader reader = new BodyReader(async, in, this.properties.maxBodyBytes(),
				(body) -> this.receiver.receive(body, signature));
		async.addListener(reader);
		in.setReadListener(reader);
		reader.declared(request.getContentLengthLong());
	}

}
