package dev.wsguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  @Test
  void writesTwoSpaceIndentColonSpaceCompactEmptiesAndTrailingNewline() throws IOException {
    ObjectNode root = ReportJson.object();
    root.put("name", "wsguard");
    root.putArray("empty");
    root.putObject("none");
    root.putArray("tags").add("a").add("b");
    StringWriter out = new StringWriter();
    ReportJson.write(root, out);
    assertEquals("""
        {
          "name": "wsguard",
          "empty": [],
          "none": {},
          "tags": [
            "a",
            "b"
          ]
        }
        """, out.toString());
  }

  @Test
  void leavesTheWriterOpenForTheCaller() throws IOException {
    StringWriter target = new StringWriter();
    boolean[] closed = {false};
    Writer out = new java.io.FilterWriter(target) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    ReportJson.write(ReportJson.object(), out);
    assertEquals(false, closed[0]);
    assertEquals("{}\n", target.toString());
  }
}
