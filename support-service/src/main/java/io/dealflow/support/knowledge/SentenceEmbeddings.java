package io.dealflow.support.knowledge;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings computed in this process: all-MiniLM-L6-v2 (int8 ONNX, 384 dimensions), whose
 * weights ship inside a Maven Central jar, so nothing is downloaded. Vectors are scaled to unit
 * length, so their dot product is their cosine similarity.
 */
@Component
public class SentenceEmbeddings {

  /** The vectors' length. */
  public static final int DIMENSIONS = 384;

  private static final Logger log = LoggerFactory.getLogger(SentenceEmbeddings.class);

  private final EmbeddingModel model;

  public SentenceEmbeddings() {
    offlineNativeCache();
    long started = System.nanoTime();
    this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    model.embed("warm up");
    log.info(
        "Sentence embeddings ready: all-MiniLM-L6-v2 (int8), {} dimensions, in {} ms",
        DIMENSIONS,
        (System.nanoTime() - started) / 1_000_000);
  }

  public float[] embed(String text) {
    return unit(model.embed(text).content().vector());
  }

  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
        .map(embedding -> unit(embedding.vector()))
        .toList();
  }

  /**
   * The tokenizer's native library ships inside its jar and is unpacked to a cache folder, by
   * default under the user's home, which a container may not let us write: unless an operator names
   * one ({@code DJL_CACHE_DIR}), it goes under {@code java.io.tmpdir}, and the library never looks
   * for a download.
   */
  private static void offlineNativeCache() {
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty(
          "DJL_CACHE_DIR",
          Path.of(System.getProperty("java.io.tmpdir"), "dealflow-djl").toString());
    }
    System.setProperty("ai.djl.offline", "true");
  }

  /**
   * The embeddings of a source's passages, each with the source's name before it, which tells what
   * the passage is about.
   */
  List<float[]> embedPassages(String sourceName, List<String> passages) {
    return embedAll(passages.stream().map(passage -> sourceName + ". " + passage).toList());
  }

  /** The cosine similarity of two unit vectors. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  static byte[] bytes(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
    buffer.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] vector(byte[] bytes) {
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }

  private static float[] unit(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    if (norm == 0) {
      return vector;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = vector[i] * scale;
    }
    return unit;
  }
}
