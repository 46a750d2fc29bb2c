package dev.wsguard.core.engine;

import java.util.function.Consumer;

/**
 * What linking may use besides the analyses: where to report, and whether the user asked for detail.
 *
 * @param verbose with {@code --verbose}, unresolved imports are reported as notifications
 * @param notifications where linking reports problems
 */
public record LinkContext(boolean verbose, Consumer<Notification> notifications) {}
