package io.github.recordingbot.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexNotAuthorizedException;
import io.github.recordingbot.webex.WebexOfficerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the officer authorization lets the bot do. Webex does not document what happens
 * when the authorizing account lacks the role behind a requested scope, so the bot asks:
 * one cheap call where a call can tell ({@code /admin/recordings} over one day, one
 * item), the granted scopes otherwise. The last report is kept in memory.
 */
public class OfficerCapabilities {

	static final String FROM_GRANTED_SCOPES = "from the granted scopes; Webex is asked when a request needs it";

	static final String FROM_CONFIGURED_SCOPES = "from officer.scopes: a pasted token does not say what Webex "
			+ "granted; Webex is asked when a request needs it";

	private static final Logger logger = LoggerFactory.getLogger(OfficerCapabilities.class);

	private final WebexOfficerClient webex;

	private final OfficerTokenSource tokens;

	private final Clock clock;

	private final AtomicReference<Report> last = new AtomicReference<>();

	OfficerCapabilities(WebexOfficerClient webex, OfficerTokenSource tokens, Clock clock) {
		this.webex = webex;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** Checks now, keeps the report, and returns it. Never throws for Webex trouble. */
	public Report check() {
		Instant now = this.clock.instant();
		Optional<Result> listing = listRecordings(now);
		Report report;
		if (listing.isEmpty()) {
			report = new Report(now,
					List.of(Capability.values())
						.stream()
						.map((c) -> new Result(c, Verdict.UNKNOWN, "not authorized: nothing to check"))
						.toList());
		}
		else {
			Set<String> scopes = this.tokens.grantedScopes();
			String source = this.tokens.current().isPresent() ? FROM_GRANTED_SCOPES : FROM_CONFIGURED_SCOPES;
			report = new Report(now, List.of(listing.get(),
					fromScopes(Capability.READ_MEETINGS, OfficerScopes::canReadMeetings, scopes, source),
					fromScopes(Capability.CHECK_PERSONAL_ROOMS, OfficerScopes::canCheckPersonalRooms, scopes, source)));
		}
		this.last.set(report);
		logger.info("Officer capabilities: {}",
				report.results()
					.stream()
					.map((r) -> r.capability() + "=" + r.verdict())
					.reduce((a, b) -> a + ", " + b)
					.orElse(""));
		return report;
	}

	/** The last report, if a check ran since startup. */
	public Optional<Report> last() {
		return Optional.ofNullable(this.last.get());
	}

	/**
	 * The probe's verdict, or empty when there is no authorization to probe with. The
	 * officer client has already refreshed once and retried after a 401.
	 */
	private Optional<Result> listRecordings(Instant now) {
		Instant to = now.truncatedTo(ChronoUnit.SECONDS);
		try {
			this.webex.adminRecordingsProbe(to.minus(Duration.ofDays(1)), to);
			return Optional.of(new Result(Capability.LIST_RECORDINGS, Verdict.ALLOWED,
					"Webex answered a listing of one item over the last day"));
		}
		catch (WebexNotAuthorizedException ex) {
			return Optional.empty();
		}
		catch (WebexException ex) {
			return Optional.of(failed(ex));
		}
	}

	private static Result failed(WebexException ex) {
		String tracking = (ex.trackingId() != null) ? " (trackingId " + ex.trackingId() + ")" : "";
		return switch (ex.status()) {
			case 401 ->
				refused("Webex refused the token itself (401), also after a refresh" + tracking + ": authorize again");
			case 403 -> refused("Webex answered 403" + tracking + ": the account lacks the role or the scope");
			case 0 -> unknown("Webex did not answer in time; check again later");
			default -> unknown("Webex answered " + ex.status() + tracking + "; check again later");
		};
	}

	private static Result refused(String how) {
		return new Result(Capability.LIST_RECORDINGS, Verdict.REFUSED, how);
	}

	private static Result unknown(String how) {
		return new Result(Capability.LIST_RECORDINGS, Verdict.UNKNOWN, how);
	}

	private static Result fromScopes(Capability capability, Predicate<Set<String>> rule, Set<String> scopes,
			String source) {
		return new Result(capability, rule.test(scopes) ? Verdict.ALLOWED : Verdict.REFUSED, source);
	}

	/** Whether Webex lets the bot do it. */
	public enum Verdict {

		ALLOWED, REFUSED, UNKNOWN

	}

	/**
	 * One capability.
	 *
	 * @param capability what the bot wants to do
	 * @param verdict whether it may
	 * @param how how the bot knows: Webex's answer, or the scopes
	 */
	public record Result(Capability capability, Verdict verdict, String how) {

		/**
		 * The verdict in plain words; unless allowed, with what users notice and the fix.
		 */
		public String summary() {
			String line = this.verdict.name().toLowerCase(Locale.ROOT) + " (" + this.how + "; "
					+ this.capability.calls() + ")";
			return (this.verdict == Verdict.ALLOWED) ? line
					: line + ". Without it: " + this.capability.withoutIt() + " To fix: " + this.capability.fix();
		}

	}

	/**
	 * One check.
	 *
	 * @param checkedAt when
	 * @param results one per capability, in {@link Capability} order
	 */
	public record Report(Instant checkedAt, List<Result> results) {

		/** The result for one capability. */
		public Result of(Capability capability) {
			return this.results.stream().filter((r) -> r.capability() == capability).findFirst().orElseThrow();
		}

	}

}
