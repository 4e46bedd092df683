package dev.watchword.server.identity;

import dev.watchword.server.identity.UserController.UserView;
import dev.watchword.server.identity.UserService.NewUser;
import dev.watchword.server.web.PlainText;
import dev.watchword.server.web.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * First-run setup. The printed link opens {@code /setup}, a static page that reads the token from
 * the URL fragment (never sent to the server or a proxy's log) and posts it here.
 */
@RestController
@RequestMapping
class SetupController {

  private final SetupService setup;
  private final Environment environment;

  SetupController(SetupService setup, Environment environment) {
    this.setup = setup;
    this.environment = environment;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      String host = environment.getProperty("server.address", "127.0.0.1");
      setup.announceIfNeeded("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
          + web.getWebServer().getPort());
    }
  }

  @GetMapping(path = "/setup", produces = "text/html")
  ResponseEntity<Void> page() {
    return ResponseEntity.status(302).location(URI.create("/setup.html")).build();
  }

  @PostMapping(path = "/api/v1/setup", consumes = "application/json", produces = "application/json")
  ResponseEntity<UserView> createOwner(@Valid @RequestBody SetupRequest body, HttpServletRequest request) {
    UserAccount owner = setup.createOwner(body.token(),
        new NewUser(body.username(), body.password(), body.displayName().strip()), RequestOrigins.of(request));
    return ResponseEntity.created(URI.create("/api/v1/users/" + owner.caller().id())).body(UserView.of(owner));
  }

  record SetupRequest(
      @NotNull @Size(max = 128) String token,
      @NotNull @Pattern(regexp = UserController.USERNAME_PATTERN,
          message = "must be 1 to 64 letters, digits or . _ @ + -, starting with a letter or digit")
      String username,
      @NotNull @Size(max = 1024) String password,
      @NotBlank @Size(max = 200) @PlainText String displayName) {

    @Override
    public String toString() {
      return "SetupRequest[" + username + "]";
    }
  }
}
