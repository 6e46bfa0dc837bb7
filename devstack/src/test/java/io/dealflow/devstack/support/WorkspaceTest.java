package io.dealflow.devstack.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

  @TempDir Path temp;

  @Test
  void repositoryRootIsTheNearestDirectoryAboveHoldingMvnw() throws IOException {
    Files.createFile(temp.resolve("mvnw"));
    Path module = Files.createDirectories(temp.resolve("identity-service/src/main"));

    assertThat(Workspace.repositoryRoot(module)).contains(temp.toAbsolutePath().normalize());
  }

  @Test
  void stateDirCanBeMovedAndIsCreated() {
    Path elsewhere = temp.resolve("state");

    Path stateDir =
        Workspace.stateDir(Settings.of(Map.of("DEALFLOW_STATE_DIR", elsewhere.toString())));

    assertThat(stateDir).isEqualTo(elsewhere.toAbsolutePath().normalize()).isDirectory();
  }

  @Test
  void logsLiveInTheStateDirUnlessMoved() {
    Path stateDir = temp.resolve("state");

    Path logs = Workspace.logsDir(Settings.of(Map.of("DEALFLOW_STATE_DIR", stateDir.toString())));

    assertThat(logs).isEqualTo(stateDir.resolve("logs").toAbsolutePath().normalize()).isDirectory();
  }
}
