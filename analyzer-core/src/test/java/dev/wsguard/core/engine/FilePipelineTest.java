package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.wsguard.core.engine.Discovery.Candidate;
import dev.wsguard.core.engine.FilePipeline.Outcome;
import dev.wsguard.core.engine.FilePipeline.Status;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePipelineTest {
  @TempDir Path tmp;
  private final FakeFrontEnd frontEnd = new FakeFrontEnd();
  private final List<Notification> notes = new ArrayList<>();
  private final PhaseTimes times = new PhaseTimes();

  private Outcome process(String name, byte[] content, boolean named, boolean imported) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, content);
    return process(new Candidate(file, name, frontEnd, named, imported));
  }

  private Outcome process(Candidate candidate) {
    FilePipeline pipeline = new FilePipeline(tmp, List.of(frontEnd), notes::add, true, times);
    ParseScheduler.Workers workers = new ParseScheduler.Workers();
    try {
      return pipeline.process(candidate, workers);
    } finally {
      workers.closeAll();
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> ids() {
    return notes.stream().map(Notification::id).toList();
  }

  @Test
  void analysesFileWithATriggerWord() throws IOException {
    Outcome outcome = process("a.fake", utf8("require('ws')\nENDPOINT\n"), false, false);
    assertEquals(Status.ANALYSED, outcome.status());
    assertEquals("a.fake", outcome.analysis().path());
    assertEquals(outcome.file().content().length, times.bytesRead.sum());
    assertTrue(notes.isEmpty());
  }

  @Test
  void dropsBytesOfFileWithoutATriggerWord() throws IOException {
    Outcome outcome = process("a.fake", utf8("ENDPOINT\n"), false, false);
    assertEquals(Status.NOT_KEPT, outcome.status());
    assertNull(outcome.file());
    assertTrue(frontEnd.analysed.isEmpty());
  }

  @Test
  void analysesImportedFileWithoutATriggerWord() throws IOException {
    assertEquals(Status.ANALYSED, process("a.fake", utf8("ENDPOINT\n"), false, true).status());
  }

  @Test
  void skipsEmptyFileSilently() throws IOException {
    assertEquals(Status.SKIPPED, process("a.fake", new byte[0], false, false).status());
    assertTrue(notes.isEmpty());
  }

  @Test
  void reportsBinaryFile() throws IOException {
    assertEquals(Status.SKIPPED, process("a.fake", utf8("ws\u0000\u0001"), true, false).status());
    assertEquals(List.of(NotificationIds.BINARY_FILE), ids());
  }

  @Test
  void skipsMinifiedContentUnlessNamed() throws IOException {
    byte[] bundle = utf8("var ws=1;".repeat(5000));
    assertEquals(Status.SKIPPED, process("a.fake", bundle, false, false).status());
    assertEquals(List.of(NotificationIds.SKIPPED_MINIFIED), ids());
    assertEquals(Status.ANALYSED, process("b.fake", bundle, true, false).status());
  }

  @Test
  void reportsUnreadableFile() throws IOException {
    Path file = tmp.resolve("locked.fake");
    Files.writeString(file, "ws");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "this user reads any file (root)");
    Outcome outcome = process(new Candidate(file, "locked.fake", frontEnd, false, false));
    assertEquals(Status.SKIPPED, outcome.status());
    assertEquals(List.of(NotificationIds.UNREADABLE_FILE), ids());
    assertEquals("cannot read file: permission denied", notes.get(0).message());
  }

  @Test
  void reportsFileThatCannotBeReadEvenByRoot() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("folder.fake"));
    Outcome outcome = process(new Candidate(folder, "folder.fake", frontEnd, true, false));
    assertEquals(Status.SKIPPED, outcome.status());
    assertEquals(List.of(NotificationIds.UNREADABLE_FILE), ids());
  }

  @Test
  void reportsFileThatVanished() {
    Outcome outcome = process(new Candidate(tmp.resolve("gone.fake"), "gone.fake", frontEnd, false, false));
    assertEquals(Status.SKIPPED, outcome.status());
    assertEquals(List.of(NotificationIds.UNREADABLE_FILE), ids());
  }

  @Test
  void skipsFileOverTheSizeLimitWithoutReadingIt() throws IOException {
    Path file = tmp.resolve("huge.fake");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(FilePipeline.MAX_FILE_BYTES + 1);
    }
    assertEquals(Status.SKIPPED, process(new Candidate(file, "huge.fake", frontEnd, true, false)).status());
    assertEquals(List.of(NotificationIds.FILE_TOO_LARGE), ids());
    assertEquals(0, times.bytesRead.sum());
  }

  @Test
  void reportsFrontEndThatThrowsInOneLine() throws IOException {
    Outcome outcome = process("a.fake", utf8("ws\nBOOM\n"), false, false);
    assertEquals(Status.SKIPPED, outcome.status());
    assertEquals(List.of(NotificationIds.INTERNAL_ERROR), ids());
    assertEquals("fake front end failed: IllegalStateException: fake parser exploded", notes.get(0).message());
  }
}
