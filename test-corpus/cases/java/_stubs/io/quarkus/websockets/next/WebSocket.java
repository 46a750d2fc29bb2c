package io.quarkus.websockets.next;

import java.lang.annotation.*;
@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
public @interface WebSocket { String path(); String endpointId() default "<<auto>>"; }
