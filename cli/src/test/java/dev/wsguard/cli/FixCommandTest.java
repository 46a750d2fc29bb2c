package dev.wsguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.fix.FixRenderer;
import dev.wsguard.core.model.FileFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {
  @TempDir Path tmp;

  private Path write(String relative, byte[] content) throws IOException {
    Path file = tmp.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void appliesThePatchesAndSaysWhatIsLeft() throws IOException {
    Path file = write("src/a.tiny", utf8("ws\nENDPOINT\nlet t = TOKEN;\n"));
    Cli.Run run = Cli.tiny(tmp, "fix");
    assertEquals("ws\nENDPOINT\n# verified below\nlet t = VERIFIED;\n", Files.readString(file));
    assertEquals("wsguard: applied 1 patch in 1 file; 1 finding without a patch remain\n", run.out());
    // the endpoint finding has no patch and is an error: it still fails the run
    assertEquals(ExitCodes.FINDINGS, run.code());
  }

  @Test
  void appliesInALaterRoundThePatchesThatOverlappedAnAppliedOne() throws IOException {
    // both namespaces' middleware share the placeholder inserted below the server: one scan can carry one of the
    // two patches, the second comes with the scan of the patched file
    Path file = write("server.js", utf8("""
        const { createServer } = require('http');
        const { Server } = require('socket.io');

        const httpServer = createServer();
        const io = new Server(httpServer, { cors: { origin: 'https://app.example.com' } });
        const admin = io.of('/admin');

        io.on('connection', (socket) => {
          socket.on('ping', () => socket.emit('pong'));
        });

        admin.on('connection', (socket) => {
          socket.on('stats', () => socket.emit('stats', { rooms: io.of('/').adapter.rooms.size }));
        });

        httpServer.listen(3000);
        """));
    Cli.Run run = Cli.run(tmp, Analyzers.standard(), "fix");
    assertEquals("wsguard: applied 3 patches in 1 file; 0 findings without a patch remain\n", run.out(), run.err());
    assertEquals(ExitCodes.OK, run.code());
    String patched = Files.readString(file);
    assertTrue(patched.contains("io.use((socket, next) => {") && patched.contains("admin.use((socket, next) => {"),
        patched);
    Cli.Run again = Cli.run(tmp, Analyzers.standard(), "scan");
    assertEquals(ExitCodes.OK, again.code(), again.out());
  }

  @Test
  void keepsLineEndingsByteOrderMarkAndEveryUntouchedByte() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = utf8("ws\r\n  é TOKEN  \t\r\nlast line without newline");
    byte[] original = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, original, 0, bom.length);
    System.arraycopy(body, 0, original, bom.length, body.length);
    Path file = write("b.tiny", original);
    Cli.Run run = Cli.tiny(tmp, "fix", "b.tiny");
    assertEquals(ExitCodes.OK, run.code(), run.err());
    byte[] expectedBody = utf8("ws\r\n# verified below\r\n  é VERIFIED  \t\r\nlast line without newline");
    byte[] expected = new byte[bom.length + expectedBody.length];
    System.arraycopy(bom, 0, expected, 0, bom.length);
    System.arraycopy(expectedBody, 0, expected, bom.length, expectedBody.length);
    assertArrayEquals(expected, Files.readAllBytes(file));
  }

  @Test
  void dryRunPrintsAUnifiedDiffAndWritesNothing() throws IOException {
    String text = "ws\none\ntwo\nthree\nfour\nx = TOKEN\nfive\n";
    Path file = write("c.tiny", utf8(text));
    Cli.Run run = Cli.tiny(tmp, "fix", "--dry-run", "--fail-on", "note");
    assertEquals(text, Files.readString(file));
    assertEquals("""
        --- a/c.tiny
        +++ b/c.tiny
        @@ -3,5 +3,6 @@
         two
         three
         four
        -x = TOKEN
        +# verified below
        +x = VERIFIED
         five
        """, run.out());
    assertEquals(ExitCodes.FINDINGS, run.code());
  }

  @Test
  void rulesSelectWhichPatchesApply() throws IOException {
    Path file = write("d.tiny", utf8("ws\nTOKEN\n"));
    Cli.Run run = Cli.tiny(tmp, "fix", "--rules", "tiny-endpoint");
    assertEquals("ws\nTOKEN\n", Files.readString(file));
    assertEquals(ExitCodes.OK, run.code());
    assertEquals("wsguard: applied 0 patches in 0 files; 0 findings without a patch remain\n", run.out());
  }

  @Test
  void refusesAFileChangedSinceItWasScanned() throws IOException {
    Path file = write("e.tiny", utf8("ws\nTOKEN\n"));
    // the renderer runs after the scan read the file: an editor saving in between is what it stands for
    FrontEnd tiny = new TinyAnalyzers.TinyFrontEnd();
    FixRenderer touching = (intent, source, context) -> {
      try {
        Files.writeString(file, "// saved by an editor\n", StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return tiny.fixRenderer().render(intent, source, context);
    };
    Analyzers analyzers = new Analyzers(() -> List.of(new Delegating(tiny, touching)),
        TinyAnalyzers.create().rules());
    Cli.Run run = Cli.run(tmp, analyzers, "fix", "--fail-on", "note");
    assertEquals("ws\nTOKEN\n// saved by an editor\n", Files.readString(file));
    assertEquals(List.of("wsguard: e.tiny: not patched: it changed since it was scanned; scan again"),
        run.errLines());
    assertEquals(ExitCodes.FINDINGS, run.code());
  }

  @Test
  void neverWritesThroughASymbolicLink() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path target = Files.write(outside.resolve("real.tiny"), utf8("ws\nTOKEN\n"));
    Path root = Files.createDirectories(tmp.resolve("project"));
    Files.write(root.resolve("own.tiny"), utf8("ws\nTOKEN\n"));
    Files.createSymbolicLink(root.resolve("linked.tiny"), target);
    Cli.Run run = Cli.tiny(root, "fix", ".", "linked.tiny");
    assertEquals("ws\nTOKEN\n", Files.readString(target));
    assertEquals("ws\n# verified below\nVERIFIED\n", Files.readString(root.resolve("own.tiny")));
    assertTrue(Files.isSymbolicLink(root.resolve("linked.tiny")));
    // a link named on the command line is scanned (the user named it), but its patch is never written through it
    assertEquals(List.of("wsguard: linked.tiny: not patched: it lies outside the scan root or is reached through a "
        + "symbolic link"), run.errLines());
  }

  @Test
  void aMissingPathIsAUsageError() {
    Cli.Run run = Cli.tiny(tmp, "fix", "nope");
    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(List.of("wsguard: path does not exist: nope"), run.errLines());
  }

  /** The tiny front end with another fix renderer. */
  private record Delegating(FrontEnd inner, FixRenderer renderer) implements FrontEnd {
    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public Set<String> extensions() {
      return inner.extensions();
    }

    @Override
    public List<String> triggerWords() {
      return inner.triggerWords();
    }

    @Override
    public Worker newWorker() {
      return inner.newWorker();
    }

    @Override
    public List<FileFacts> link(List<FileAnalysis> analyses, LinkContext context) {
      return inner.link(analyses, context);
    }

    @Override
    public FixRenderer fixRenderer() {
      return renderer;
    }
  }
}
