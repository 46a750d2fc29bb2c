import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.java.JavaFrontEnd;
import dev.wsguard.js.JsFrontEnd;
import java.util.List;
import java.util.TreeSet;

/**
 * Prints what wsguard's prefilter looks for, so that the benchmark's {@code rg -l} baseline searches exactly the
 * same words in exactly the same kinds of file. Run from bench.sh as a single-file program with the wsguard jar on
 * the class path: {@code java -cp cli/target/wsguard.jar bench/TriggerWords.java}. One line per item, tab-separated:
 * {@code <front end> extension <.ext>} and {@code <front end> word <trigger word>}.
 */
public final class TriggerWords {
  public static void main(String[] args) {
    for (FrontEnd frontEnd : List.of(new JsFrontEnd(), new JavaFrontEnd())) {
      for (String extension : new TreeSet<>(frontEnd.extensions())) {
        System.out.println(frontEnd.name() + "\textension\t" + extension);
      }
      for (String word : frontEnd.triggerWords()) {
        System.out.println(frontEnd.name() + "\tword\t" + word);
      }
    }
  }

  private TriggerWords() {}
}
