package dev.wsguard.cli;

import dev.wsguard.core.report.WsguardVersion;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code wsguard} command: the subcommands, version and help, and one-line usage errors. */
@Command(
    name = "wsguard",
    mixinStandardHelpOptions = true,
    versionProvider = WsguardCommand.Version.class,
    description = "Static analyzer for WebSocket servers (Node.js and Java).",
    synopsisSubcommandLabel = "(scan | fix | rules | explain)")
public final class WsguardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Exits with the command's exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, Path.of("").toAbsolutePath(), out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line with the standard front ends and rules; relative paths resolve against the folder. */
  public static int run(String[] args, Path workingDirectory, PrintWriter out, PrintWriter err) {
    return run(args, workingDirectory, out, err, Analyzers.standard());
  }

  static int run(String[] args, Path workingDirectory, PrintWriter out, PrintWriter err, Analyzers analyzers) {
    Path cwd = workingDirectory.toAbsolutePath().normalize();
    CommandLine cli = new CommandLine(new WsguardCommand())
        .addSubcommand(new ScanCommand(cwd, analyzers))
        .addSubcommand(new FixCommand(cwd, analyzers))
        .addSubcommand(new RulesCommand(analyzers))
        .addSubcommand(new ExplainCommand(analyzers))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(WsguardCommand::usageError)
        .setExecutionExceptionHandler((e, line, parsed) -> {
          line.getErr().println("wsguard: internal error: " + oneLine(e));
          return ExitCodes.USAGE;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command: scan, fix, rules or explain (see wsguard --help)");
  }

  /** One line saying what is wrong: a wall of usage text hides the one line that matters. */
  private static int usageError(ParameterException e, String[] args) {
    e.getCommandLine().getErr().println("wsguard: " + oneLine(e));
    return ExitCodes.USAGE;
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse("").strip();
  }

  /** The version from the packaged jar's metadata. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"wsguard " + WsguardVersion.current()};
    }
  }
}
