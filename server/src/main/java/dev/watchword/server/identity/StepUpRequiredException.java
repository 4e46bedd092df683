package dev.watchword.server.identity;

import dev.watchword.server.web.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * RFC 9470 §3: the caller's authentication is valid but too old or too weak for this action.
 * The challenge names the maximum age and the assurance level required; the client
 * re-authenticates ({@code POST /api/v1/auth/step-up}) and repeats the request.
 */
public class StepUpRequiredException extends ProblemException {

  StepUpRequiredException(Duration maxAge, AssuranceLevel level) {
    super(HttpStatus.UNAUTHORIZED, "step-up-required", "Step-up required",
        "This action needs a sign-in at " + level.name() + " within the last " + maxAge.toMinutes()
            + " minutes; confirm with your second factor and try again.");
    header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_user_authentication\","
        + " error_description=\"A more recent or stronger authentication is required\","
        + " acr_values=\"" + level.name().toLowerCase(java.util.Locale.ROOT) + "\","
        + " max_age=\"" + maxAge.toSeconds() + "\"");
  }
}
