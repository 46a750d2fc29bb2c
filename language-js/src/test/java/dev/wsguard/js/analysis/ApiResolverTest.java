package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ApiResolverTest {
  private static String resolve(String source, String expression) {
    Parsed p = Parsed.of("a.ts", source + "\n;" + expression + ";");
    Api api = p.cx.resolver().resolve(p.last("expression_statement", expression + ";").namedChild(0));
    return api == null ? null : api.qualified();
  }

  @Test
  void followsRequiresImportsAndAliases() {
    assertEquals("jsonwebtoken.verify", resolve("const jwt = require('jsonwebtoken');", "jwt.verify"));
    assertEquals("jsonwebtoken.verify", resolve("import jwt from 'jsonwebtoken';", "jwt.verify"));
    assertEquals("jsonwebtoken.verify", resolve("import * as jwt from 'jsonwebtoken';", "jwt.verify"));
    assertEquals("jsonwebtoken.verify", resolve("import { verify as v } from 'jsonwebtoken';", "v"));
    assertEquals("jsonwebtoken.decode", resolve("const { decode } = require('jsonwebtoken');", "decode"));
    assertEquals("ws.Server", resolve("const S = require('ws').Server;", "S"));
    assertEquals("ws.Server", resolve("const W = require('ws'); const S = W.Server;", "S"));
    assertEquals("ws.Server", resolve("import W = require('ws');", "W.Server"));
    assertEquals("jwt-decode", resolve("import jwtDecode from 'jwt-decode';", "jwtDecode"));
  }

  @Test
  void namesGlobalsWithAnEmptyModule() {
    Parsed p = Parsed.of("a.js", "Buffer.from(x);");
    Api api = p.cx.resolver().resolve(p.node("member_expression", "Buffer.from"));
    assertEquals("", api.module());
    assertEquals("Buffer.from", api.qualified());
  }

  @Test
  void resolvesNothingForLocalValues() {
    assertNull(resolve("const o = { verify() {} };", "o.verify"));
  }

  @Test
  void dropsALeadingDefault() {
    assertEquals("ws.WebSocketServer", resolve("import * as ws from 'ws';", "ws.default.WebSocketServer"));
  }
}
