package dev.watchword.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import dev.watchword.server.web.ProblemException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Organisation roles: the organisation always keeps an active owner. */
public interface OrgRoleContract extends ServerUnderTest {

  int RACE_ROUNDS = 20;

  @Test
  default void changeRoleWhenTheLastActiveOwnerWouldBeDemotedThenConflictUntilAnotherOwnerIsActive() {
    ApiClient owner = newOwner("owner");
    String ownerId = owner.get("/api/v1/users/me").text("id");
    // Owners made by other tests on this server would count; make this one the only active owner
    // for the test, and give the others their role back afterwards.
    List<String> others = activeOwners().stream().filter(id -> !id.equals(ownerId)).toList();
    setRoles(others, "admin");
    try {
      ApiResponse alone = changeRole(owner, ownerId, "admin");
      ApiClient second = newOwner("second");
      String secondId = second.get("/api/v1/users/me").text("id");
      assertThat(owner.postJson("/api/v1/users/" + secondId + "/disable", "").status()).isEqualTo(200);
      ApiResponse secondDisabled = changeRole(owner, ownerId, "member");
      ApiClient third = newOwner("third");
      ApiResponse thirdActive = changeRole(owner, ownerId, "member");

      assertThat(alone.status()).isEqualTo(409);
      assertThat(alone.text("type")).endsWith("/last-owner");
      assertThat(secondDisabled.status()).as("a disabled owner does not count").isEqualTo(409);
      assertThat(thirdActive.status()).as(thirdActive.body()).isEqualTo(200);
      assertThat(thirdActive.text("role")).isEqualTo("member");
      assertThat(third.get("/api/v1/users/me").text("role")).isEqualTo("owner");
      assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.role' AND detail LIKE :user")
          .param("user", "user=" + ownerId + " %").query(Integer.class).single()).isEqualTo(1);
    } finally {
      setRoles(others, "owner");
    }
  }

  /**
   * Two owners, and no third, demote or disable each other at the same instant, round after round:
   * one change wins, the other is refused (its actor is no longer an owner once the first commits,
   * 403 owner-required; were it still one, 409 last-owner), and an active owner always remains. It
   * drives the service from two threads, so both callers are owners as their changes start; over
   * HTTP, a request that authenticated after the other change had committed would be refused as a
   * non-owner before it reached the rule.
   */
  @Test
  default void changeRoleOrDisableWhenTheOnlyTwoOwnersRemoveEachOtherConcurrentlyThenOneIsRefusedAndAnOwnerRemains()
      throws Exception {
    UserService service = bean(UserService.class);
    TestCallers callers = bean(TestCallers.class);
    List<String> others = activeOwners();
    setRoles(others, "admin");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < RACE_ROUNDS; round++) {
        Caller a = callers.owner("racer-a").caller();
        Caller b = callers.owner("racer-b").caller();
        CyclicBarrier start = new CyclicBarrier(2);
        // both demote, both disable, or one of each
        var first = pool.submit(removal(service, start, a, b.id(), round % 3 == 1));
        var second = pool.submit(removal(service, start, b, a.id(), round % 3 != 0));
        List<Optional<ProblemException>> outcomes =
            List.of(first.get(1, TimeUnit.MINUTES), second.get(1, TimeUnit.MINUTES));

        assertThat(activeOwners()).as("active owners after round " + round).hasSize(1)
            .containsAnyOf(a.id().toString(), b.id().toString());
        List<ProblemException> refusals = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(refusals).as("refusals in round " + round).hasSize(1);
        assertThat(refusals.get(0)).satisfiesAnyOf(
            refused -> assertThat(refused).isInstanceOf(OwnerRequiredException.class),
            refused -> assertThat(refused).isInstanceOf(LastOwnerException.class));
        setRoles(activeOwners(), "admin");
      }
    } finally {
      pool.shutdownNow();
      setRoles(others, "owner");
    }
  }

  /**
   * An owner demoted a moment ago, whose request was authenticated while they still were one,
   * cannot use that request to make someone an owner or disable an owner: the change checks the
   * actor against the owners as committed.
   */
  @Test
  default void changeRoleWhenTheActingOwnerWasDemotedSinceTheirRequestBeganThenOwnerRequired() {
    UserService service = bean(UserService.class);
    TestCallers callers = bean(TestCallers.class);
    Caller demoted = callers.owner("demoted").caller();
    Caller accomplice = callers.member("accomplice").caller();
    Caller otherOwner = callers.owner("other-owner").caller();
    setRoles(List.of(demoted.id().toString()), "admin");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> service.changeRole(demoted, accomplice.id(), OrgRole.OWNER, RequestOrigin.system()))
        .isInstanceOf(OwnerRequiredException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> service.disable(demoted, otherOwner.id(), RequestOrigin.system()))
        .isInstanceOf(OwnerRequiredException.class);
    assertThat(jdbc().sql("SELECT org_role FROM app_user WHERE id = :id").param("id", accomplice.id().toString())
        .query(String.class).single()).isEqualTo("member");
  }

  /** One side of a race: waits for the other, then takes the target's ownership away; the refusal, if any. */
  private static Callable<Optional<ProblemException>> removal(UserService users, CyclicBarrier start, Caller actor,
      UserId target, boolean disable) {
    return () -> {
      start.await(1, TimeUnit.MINUTES);
      try {
        if (disable) {
          users.disable(actor, target, RequestOrigin.system());
        } else {
          users.changeRole(actor, target, OrgRole.ADMIN, RequestOrigin.system());
        }
        return Optional.empty();
      } catch (LastOwnerException | OwnerRequiredException refused) {
        return Optional.of(refused);
      }
    };
  }

  private List<String> activeOwners() {
    return jdbc().sql("SELECT id FROM app_user WHERE org_role = 'owner' AND disabled_at IS NULL")
        .query(String.class).list();
  }

  private void setRoles(List<String> users, String role) {
    for (String id : users) {
      jdbc().sql("UPDATE app_user SET org_role = :role WHERE id = :id").param("role", role).param("id", id).update();
    }
  }

  private static ApiResponse changeRole(ApiClient owner, String userId, String role) {
    return owner.send(owner.request("/api/v1/users/" + userId + "/role").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"" + role + "\"}")));
  }
}
