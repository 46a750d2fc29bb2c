package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wsguard.core.rule.Level;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NotificationSinkTest {
  @Test
  void sortsWhateverOrderNotificationsArriveIn() {
    NotificationSink sink = new NotificationSink();
    IntStream.range(0, 200).parallel().forEach(i ->
        sink.accept(Notification.of("binary-file", Level.NOTE, String.format("f%03d.js", i), "binary")));
    sink.addAll(List.of(Notification.of("internal-error", Level.ERROR, null, "link failed")));
    List<Notification> sorted = sink.sorted();
    assertEquals(201, sorted.size());
    assertNull(sorted.get(0).path());
    assertEquals("f000.js", sorted.get(1).path());
    assertEquals("f199.js", sorted.get(200).path());
  }
}
