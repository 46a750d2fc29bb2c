package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.Discovery.Candidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
  @TempDir Path tmp;
  private final List<Notification> notes = new ArrayList<>();
  private final FrontEnd js = new FakeFrontEnd(".js", ".ts");

  private Path write(String relative) throws IOException {
    Path file = tmp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    return file;
  }

  private Discovery discovery(List<String> excludes, boolean verbose) {
    return new Discovery(tmp, List.of(js), excludes, notes::add, verbose, true);
  }

  private List<String> paths(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::path).toList();
  }

  @Test
  void keepsFilesSomeFrontEndReadsSortedByPath() throws IOException {
    write("b.js");
    write("a/z.ts");
    write("a/readme.md");
    write("C.JS");
    assertEquals(List.of("C.JS", "a/z.ts", "b.js"), paths(discovery(List.of(), false).discover(List.of(tmp))));
  }

  @Test
  void aParallelWalkFindsWhatOneThreadFinds() throws IOException {
    Files.createDirectories(tmp.resolve(".git"));
    Files.writeString(tmp.resolve(".gitignore"), "generated/\n*.gen.js\n");
    List<String> expected = new ArrayList<>();
    for (int a = 0; a < 12; a++) {
      for (int b = 0; b < 6; b++) {
        String dir = "p" + a + "/q" + b + "/";
        write(dir + "s.js");
        write(dir + "t.gen.js");
        write(dir + "generated/u.js");
        write(dir + "node_modules/v.js");
        expected.add(dir + "s.js");
      }
      Files.writeString(tmp.resolve("p" + a + "/.gitignore"), "q5/\n");
      expected.removeIf(p -> p.endsWith("/q5/s.js"));
    }
    expected.sort(null);
    List<Notification> parallelNotes = new ArrayList<>();
    List<Candidate> parallel =
        new Discovery(tmp, List.of(js), List.of(), parallelNotes::add, true, true, 4).discover(List.of(tmp));
    assertEquals(expected, paths(parallel));
    assertEquals(paths(discovery(List.of(), true).discover(List.of(tmp))), paths(parallel));
    assertEquals(notes.size(), parallelNotes.size());
  }

  @Test
  void skipsDependencyAndBuildFolders() throws IOException {
    for (String folder : Discovery.SKIPPED_FOLDERS) {
      write("app/" + folder + "/x.js");
    }
    write("app/server.js");
    assertEquals(List.of("app/server.js"), paths(discovery(List.of(), false).discover(List.of(tmp))));
  }

  @Test
  void walksIntoDependencyAndBuildFoldersWhenTheDefaultSkipsAreLifted() throws IOException {
    for (String folder : Discovery.SKIPPED_FOLDERS) {
      write("app/" + folder + "/x.js");
    }
    write("app/server.js");
    Discovery lifted = new Discovery(tmp, List.of(js), List.of(), notes::add, false, false);
    List<String> expected = new ArrayList<>();
    for (String folder : Discovery.SKIPPED_FOLDERS) {
      if (!folder.equals(".git")) {
        expected.add("app/" + folder + "/x.js");
      }
    }
    expected.add("app/server.js");
    expected.sort(null);
    assertEquals(expected, paths(lifted.discover(List.of(tmp))));
    assertEquals(List.of("app/node_modules/x.js"),
        paths(lifted.admitImport("app/node_modules/x.js").stream().toList()));
    assertTrue(discovery(List.of(), false).admitImport("app/node_modules/x.js").isEmpty());
  }

  @Test
  void liftedSkipsStillHonourGitignoreAndExcludes() throws IOException {
    write("node_modules/kept.js");
    write("vendor/dist/ignored.js");
    write("dist/excluded.js");
    Files.writeString(tmp.resolve(".gitignore"), "vendor/\n");
    Discovery lifted = new Discovery(tmp, List.of(js), List.of("dist/**"), notes::add, false, false);
    assertEquals(List.of("node_modules/kept.js"), paths(lifted.discover(List.of(tmp))));
  }

  @Test
  void scansAFolderNamedExplicitlyEvenWhenItsNameIsSkipped() throws IOException {
    write("dist/bundle.js");
    List<Candidate> found = discovery(List.of(), false).discover(List.of(tmp.resolve("dist")));
    assertEquals(List.of("dist/bundle.js"), paths(found));
  }

  @Test
  void skipsMinifiedNamesUnlessNamed() throws IOException {
    Path bundle = write("public/app.min.js");
    assertEquals(List.of(), paths(discovery(List.of(), false).discover(List.of(tmp))));
    List<Candidate> named = discovery(List.of(), false).discover(List.of(tmp, bundle));
    assertEquals(List.of("public/app.min.js"), paths(named));
    assertTrue(named.get(0).named());
  }

  @Test
  void reportsMinifiedSkipsOnlyWhenVerbose() throws IOException {
    write("app.min.js");
    discovery(List.of(), false).discover(List.of(tmp));
    assertTrue(notes.isEmpty());
    discovery(List.of(), true).discover(List.of(tmp));
    assertEquals(List.of(NotificationIds.SKIPPED_MINIFIED), notes.stream().map(Notification::id).toList());
  }

  @Test
  void honoursGitignoreButNotForAFileNamedExplicitly() throws IOException {
    Files.writeString(tmp.resolve(".gitignore"), "generated/\n*.local.js\n");
    write("generated/a.js");
    Path local = write("src/dev.local.js");
    write("src/server.js");
    assertEquals(List.of("src/server.js"), paths(discovery(List.of(), false).discover(List.of(tmp))));
    assertEquals(List.of("src/dev.local.js"), paths(discovery(List.of(), false).discover(List.of(local))));
  }

  @Test
  void appliesExcludesEvenToFilesNamedExplicitly() throws IOException {
    Path test = write("src/a.test.js");
    write("src/a.js");
    write("vendor/lib.js");
    Discovery discovery = discovery(List.of("*.test.js", "vendor"), false);
    assertEquals(List.of("src/a.js"), paths(discovery.discover(List.of(tmp))));
    assertEquals(List.of(), paths(discovery.discover(List.of(test))));
  }

  @Test
  void listsAFileOnceWhenNamedAndWalked() throws IOException {
    Path file = write("src/a.js");
    List<Candidate> found = discovery(List.of(), false).discover(List.of(tmp, file, file));
    assertEquals(List.of("src/a.js"), paths(found));
    assertTrue(found.get(0).named());
  }

  @Test
  void reportsNamedFileNoFrontEndReadsOnlyWhenVerbose() throws IOException {
    Path notes = write("notes.md");
    assertTrue(discovery(List.of(), false).discover(List.of(notes)).isEmpty());
    assertTrue(this.notes.isEmpty());
    assertTrue(discovery(List.of(), true).discover(List.of(notes)).isEmpty());
    assertEquals(List.of(NotificationIds.SKIPPED_UNSUPPORTED), this.notes.stream().map(Notification::id).toList());
  }

  @Test
  void reportsMissingPath() {
    List<Candidate> found = discovery(List.of(), false).discover(List.of(tmp.resolve("nope")));
    assertTrue(found.isEmpty());
    assertEquals(List.of(NotificationIds.MISSING_PATH), notes.stream().map(Notification::id).toList());
    assertEquals("nope", notes.get(0).path());
  }

  @Test
  void rejectsPathOutsideTheRoot() {
    assertThrows(IllegalArgumentException.class,
        () -> discovery(List.of(), false).discover(List.of(tmp.getParent())));
  }

  @Test
  void reportsSymlinkToAnEnclosingFolderAsALoop() throws IOException {
    write("app/server.js");
    Files.createSymbolicLink(tmp.resolve("app/self"), tmp.resolve("app"));
    Files.createSymbolicLink(tmp.resolve("app/up"), tmp);
    List<Candidate> found = discovery(List.of(), false).discover(List.of(tmp));
    assertEquals(List.of("app/server.js"), paths(found));
    assertEquals(List.of("app/self", "app/up"), notes.stream()
        .filter(n -> n.id().equals(NotificationIds.SYMLINK_LOOP)).map(Notification::path).sorted().toList());
  }

  @Test
  void reportsChainOfLinksThatLoops() throws IOException {
    Files.createSymbolicLink(tmp.resolve("a.js"), tmp.resolve("b.js"));
    Files.createSymbolicLink(tmp.resolve("b.js"), tmp.resolve("a.js"));
    assertTrue(discovery(List.of(), false).discover(List.of(tmp)).isEmpty());
    assertEquals(2, notes.stream().filter(n -> n.id().equals(NotificationIds.SYMLINK_LOOP)).count());
  }

  @Test
  void neverFollowsLinksOutOfTheTree(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("secret.js"), "x");
    Files.createSymbolicLink(tmp.resolve("linked.js"), outside.resolve("secret.js"));
    Files.createSymbolicLink(tmp.resolve("linked-dir"), outside);
    assertTrue(discovery(List.of(), false).discover(List.of(tmp)).isEmpty());
    assertTrue(notes.isEmpty());
  }

  @Test
  void scansLinkTargetsInsideTheTreeOnceUnderTheirOwnPath() throws IOException {
    write("src/server.js");
    Files.createSymbolicLink(tmp.resolve("alias.js"), tmp.resolve("src/server.js"));
    assertEquals(List.of("src/server.js"), paths(discovery(List.of(), false).discover(List.of(tmp))));
  }

  @Test
  void admitsImportInsideTheTree() throws IOException {
    write("src/auth/verify.js");
    Candidate imported = discovery(List.of(), false).admitImport("src/auth/../auth/verify.js").orElseThrow();
    assertEquals("src/auth/verify.js", imported.path());
    assertTrue(imported.imported());
    assertFalse(imported.named());
  }

  @Test
  void refusesImportsADiscoveryWouldSkip() throws IOException {
    write("node_modules/jwt/index.js");
    write("src/notes.md");
    write("vendor/v.js");
    Files.writeString(tmp.resolve(".gitignore"), "gen/\n");
    write("gen/g.js");
    Discovery discovery = discovery(List.of("vendor/**"), false);
    assertTrue(discovery.admitImport("node_modules/jwt/index.js").isEmpty());
    assertTrue(discovery.admitImport("src/notes.md").isEmpty());
    assertTrue(discovery.admitImport("vendor/v.js").isEmpty());
    assertTrue(discovery.admitImport("gen/g.js").isEmpty());
    assertTrue(discovery.admitImport("../outside.js").isEmpty());
    assertTrue(discovery.admitImport("src/missing.js").isEmpty());
  }
}
