package jakarta.websocket;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
public @interface OnMessage {
  long maxMessageSize() default -1;
}
