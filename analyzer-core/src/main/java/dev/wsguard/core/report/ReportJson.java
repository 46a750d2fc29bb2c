package dev.wsguard.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * The one JSON layout every wsguard report uses: two-space indent, {@code "key": value}, {@code \n} line ends on
 * every platform, {@code []} and {@code {}} for empty containers, and a trailing newline. Keys come out in the
 * order the writer added them, so the same scan always gives the same bytes.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

  private ReportJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Writes {@code root} and a newline, then flushes; the caller keeps ownership of {@code out}. */
  public static void write(JsonNode root, Writer out) throws IOException {
    MAPPER.writer(printer()).writeValue(out, root);
    out.write('\n');
    out.flush();
  }

  private static DefaultPrettyPrinter printer() {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators).withObjectIndenter(INDENTER).withArrayIndenter(INDENTER);
  }
}
