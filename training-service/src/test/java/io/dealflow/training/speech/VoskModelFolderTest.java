package io.dealflow.training.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelFolderTest {

  @Test
  void twoServicesStartingTogetherShareOneCompleteCopy(@TempDir Path cache) throws Exception {
    Callable<Path> prepare = () -> VoskModelFolder.prepare(cache);

    List<Path> folders;
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      List<Future<Path>> prepared = threads.invokeAll(List.of(prepare, prepare));
      folders = List.of(prepared.get(0).get(), prepared.get(1).get());
    }

    assertThat(folders.get(0)).isEqualTo(folders.get(1));
    try (Stream<Path> left = Files.list(cache)) {
      assertThat(left.toList()).containsExactly(folders.get(0));
    }
    assertThat(folders.get(0).resolve("am/final.mdl"))
        .hasSize(Files.size(Path.of("target/classes/vosk-model/am/final.mdl")));
    assertThat(VoskModelFolder.prepare(cache)).isEqualTo(folders.get(0));
  }
}
