package io.github.recordingbot.sim;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The files behind the simulated temporary download links: a few bytes per recording. The
 * bot appends {@code /<topic>.mp4} (or .mp3, .txt) to a link's path, so both forms are
 * served.
 */
@RestController
@Profile("demo")
class SimFilesController {

	private final SimState state;

	private final SimCalls calls;

	SimFilesController(SimState state, SimCalls calls) {
		this.state = state;
		this.calls = calls;
	}

	@GetMapping({ "/sim/files/{recordingId}/{kind}", "/sim/files/{recordingId}/{kind}/{fileName}" })
	ResponseEntity<byte[]> file(@PathVariable String recordingId, @PathVariable String kind,
			@PathVariable(required = false) String fileName) {
		this.calls.record("GET /files");
		return this.state.org().recording(recordingId).map((recording) -> {
			String extension = switch (kind) {
				case "video" -> "mp4";
				case "audio" -> "mp3";
				default -> "txt";
			};
			MediaType type = switch (kind) {
				case "video" -> MediaType.parseMediaType("video/mp4");
				case "audio" -> MediaType.parseMediaType("audio/mpeg");
				default -> MediaType.TEXT_PLAIN;
			};
			String name = (fileName != null) ? fileName : recording.id() + "." + extension;
			byte[] body = ("Sample " + kind + " of the simulated recording \"" + recording.topic() + "\" ("
					+ recording.id() + ")\n")
				.getBytes(StandardCharsets.UTF_8);
			return ResponseEntity.ok()
				.contentType(type)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
				.body(body);
		}).orElseGet(() -> ResponseEntity.notFound().build());
	}

}
