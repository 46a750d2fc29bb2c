package dev.wsguard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs the command in-process, as a shell would, and keeps what it printed. */
final class Cli {
  /** One run's exit code and output. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private Cli() {}

  static Run run(Path workingDirectory, Analyzers analyzers, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WsguardCommand.run(args, workingDirectory, new PrintWriter(out), new PrintWriter(err), analyzers);
    return new Run(code, out.toString(), err.toString());
  }

  static Run tiny(Path workingDirectory, String... args) {
    return run(workingDirectory, TinyAnalyzers.create(), args);
  }
}
