package dev.wsguard.core.engine;

import dev.wsguard.core.fix.EditSet;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Renders each finding's fix intent through the front end that owns the anchor's file. Fixes are taken in finding
 * order; one whose edits overlap an earlier fix's edits is dropped, so all the fixes of a scan can be applied
 * together. A renderer that throws costs that one fix, reported as {@code internal-error}.
 */
final class FixAttacher {
  private final Function<String, FrontEnd> owners;
  private final Function<String, SourceFile> files;
  private final Consumer<Notification> notifications;
  private final FixContext context;

  /**
   * @param owners the front end reading a path; null when none does
   * @param files a file's bytes by path; null when it is not at hand
   * @param context what the renderers may know of the whole project
   */
  FixAttacher(Function<String, FrontEnd> owners, Function<String, SourceFile> files,
      Consumer<Notification> notifications, FixContext context) {
    this.owners = owners;
    this.files = files;
    this.notifications = notifications;
    this.context = context;
  }

  List<Finding> attach(List<Finding> sorted) {
    List<TextEdit> accepted = new ArrayList<>();
    List<Finding> out = new ArrayList<>(sorted.size());
    for (Finding finding : sorted) {
      Optional<Fix> fix = render(finding);
      if (fix.isPresent()) {
        List<TextEdit> combined = new ArrayList<>(accepted);
        combined.addAll(fix.get().edits());
        try {
          EditSet.of(combined);
          accepted = combined;
          Fix based = fix.get();
          for (String touched : touchedPaths(based)) {
            SourceFile file = files.apply(touched);
            if (file != null) {
              based = based.withBase(touched, file.content());
            }
          }
          finding = finding.withFix(based);
        } catch (EditSet.OverlappingEditsException e) {
          // an earlier finding's fix already rewrites these bytes: this one is left for a later run
        }
      }
      out.add(finding);
    }
    return out;
  }

  private static Set<String> touchedPaths(Fix fix) {
    Set<String> out = new TreeSet<>();
    fix.edits().forEach(e -> out.add(e.range().path()));
    return out;
  }

  private Optional<Fix> render(Finding finding) {
    if (finding.fixIntent() == null) {
      return Optional.empty();
    }
    String path = finding.fixIntent().anchor().path();
    FrontEnd owner = owners.apply(path);
    SourceFile file = files.apply(path);
    if (owner == null || file == null) {
      return Optional.empty();
    }
    try {
      return owner.fixRenderer().render(finding.fixIntent(), file, context);
    } catch (RuntimeException | StackOverflowError e) {
      notifications.accept(new Notification(NotificationIds.INTERNAL_ERROR, Level.ERROR, path,
          finding.location().startLine(), "fix for " + finding.ruleId() + " failed: " + Messages.oneLine(e)));
      return Optional.empty();
    }
  }
}
