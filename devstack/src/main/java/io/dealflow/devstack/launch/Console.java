package io.dealflow.devstack.launch;

import java.io.PrintStream;

/**
 * The launcher's own output and the services' prefixed log lines, one line at a time so that
 * concurrent writers never interleave within a line.
 */
final class Console {

  private static final String[] PALETTE = {"36", "35", "33", "32", "34", "96", "95", "93", "92"};

  private final PrintStream out;
  private final boolean color;

  Console(PrintStream out, boolean color) {
    this.out = out;
    this.color = color;
  }

  synchronized void line(String text) {
    out.println(text);
    out.flush();
  }

  void step(String text) {
    line(paint("1", "▸ ") + text);
  }

  void ok(String text) {
    line(paint("32", "✔ ") + text);
  }

  void note(String text) {
    line(paint("2", "· " + text));
  }

  void error(String text) {
    line(paint("31;1", "✖ ") + text);
  }

  /** {@code [identity]} padded to {@code width}, in the colour of the service's position. */
  String prefix(String name, int index, int width) {
    String label = String.format("%-" + (width + 2) + "s", "[" + name + "]");
    return paint(PALETTE[index % PALETTE.length], label) + " ";
  }

  String bold(String text) {
    return paint("1", text);
  }

  private String paint(String code, String text) {
    return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
