package org.springframework.context.annotation;

import java.lang.annotation.*;
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE}) @Retention(RetentionPolicy.RUNTIME)
public @interface Bean { String[] value() default {}; String[] name() default {}; }
