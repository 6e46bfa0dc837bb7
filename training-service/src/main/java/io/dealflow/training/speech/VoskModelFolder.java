package io.dealflow.training.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Vosk reads its model from a folder, but the model travels inside the jar under {@code
 * vosk-model/}: this copies it out once into {@code <cache>/dealflow-vosk-model-<hash>}, where the
 * hash covers the files' names and sizes, so a new model gets a new folder. The copy is made in a
 * temporary folder and renamed into place, so two services or tests starting together never see a
 * half-copied model.
 */
final class VoskModelFolder {

  static final String CLASSPATH_FOLDER = "vosk-model/";

  private VoskModelFolder() {}

  static Path prepare(Path cacheRoot) throws IOException {
    Map<String, Resource> files = modelFiles();
    if (files.isEmpty()) {
      throw new IOException("No Vosk model on the classpath under " + CLASSPATH_FOLDER);
    }
    Path target = cacheRoot.resolve("dealflow-vosk-model-" + fingerprint(files));
    if (Files.isDirectory(target)) {
      return target;
    }
    Files.createDirectories(cacheRoot);
    Path temporary = Files.createTempDirectory(cacheRoot, "dealflow-vosk-model-partial-");
    try {
      for (Map.Entry<String, Resource> file : files.entrySet()) {
        Path destination = temporary.resolve(file.getKey()).normalize();
        if (!destination.startsWith(temporary)) {
          throw new IOException("Model file escapes its folder: " + file.getKey());
        }
        Files.createDirectories(destination.getParent());
        try (InputStream in = file.getValue().getInputStream()) {
          Files.copy(in, destination);
        }
      }
      moveIntoPlace(temporary, target);
    } finally {
      deleteIfPresent(temporary);
    }
    return target;
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Another process finished its copy first (an atomic rename onto a full folder fails with
      // a plain "Directory not empty" on Linux, not a typed exception); theirs is as good as ours.
      if (!Files.isDirectory(target)) {
        throw e;
      }
    }
  }

  private static Map<String, Resource> modelFiles() throws IOException {
    Resource[] resources =
        new PathMatchingResourcePatternResolver(VoskModelFolder.class.getClassLoader())
            .getResources("classpath*:" + CLASSPATH_FOLDER + "**");
    Map<String, Resource> files = new TreeMap<>();
    for (Resource resource : resources) {
      String url = resource.getURL().toString();
      int folder = url.lastIndexOf(CLASSPATH_FOLDER);
      String relative = url.substring(folder + CLASSPATH_FOLDER.length());
      if (folder >= 0 && !relative.isEmpty() && !url.endsWith("/") && resource.isReadable()) {
        files.putIfAbsent(relative, resource);
      }
    }
    return files;
  }

  private static String fingerprint(Map<String, Resource> files) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, Resource> file : files.entrySet()) {
        String line = file.getKey() + ":" + file.getValue().contentLength() + "\n";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  private static void deleteIfPresent(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
