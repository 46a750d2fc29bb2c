package dev.wsguard.java.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PackageNameTest {
  private static String of(String text) {
    return PackageName.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsThePackageAfterALicenceHeaderAndComments() {
    assertEquals("org.springframework.web.socket.server", of("""
        /*
         * Copyright 2002-2024 the original author or authors. package not.this;
         */
        // package nor.this;
        package org.springframework.web.socket.server;

        import java.util.Map;
        """));
  }

  @Test
  void readsAPackageInfoWithAnnotationsAndABom() {
    assertEquals("io.netty.handler.codec.http.websocketx", of("\uFEFF@NonNullApi\n@Deprecated(since = \"(1)\")\n"
        + "package io . netty.handler.codec.http.websocketx;\n"));
  }

  @Test
  void findsNoneInTheDefaultPackageOrAfterAType() {
    assertNull(of("import jakarta.websocket.Session;\nclass A {}\n"));
    assertNull(of("class A { String s = \"package x;\"; }\n"));
    assertNull(of("packaged.thing;"));
  }
}
