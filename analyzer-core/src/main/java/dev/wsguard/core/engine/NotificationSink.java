package dev.wsguard.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects notifications from every phase and thread; the scan reads them once, sorted. */
final class NotificationSink implements Consumer<Notification> {
  private final List<Notification> received = new ArrayList<>();

  @Override
  public synchronized void accept(Notification notification) {
    received.add(notification);
  }

  synchronized void addAll(List<Notification> notifications) {
    received.addAll(notifications);
  }

  /** Everything received, in {@link Notification#ORDER}, so thread timing never shows in the output. */
  synchronized List<Notification> sorted() {
    List<Notification> copy = new ArrayList<>(received);
    copy.sort(Notification.ORDER);
    return List.copyOf(copy);
  }
}
