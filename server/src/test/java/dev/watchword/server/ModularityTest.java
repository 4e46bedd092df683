package dev.watchword.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the feature packages honest: no cycles, no reaching into another feature's internals. */
class ModularityTest {

  @Test
  void modulesWhenVerifiedThenHaveNoCyclesOrIllegalDependencies() {
    ApplicationModules.of(WatchwordApplication.class).verify();
  }
}
