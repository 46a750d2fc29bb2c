package dev.wsguard.js.fix;

import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Patches for token uses, in any file: a jsonwebtoken {@code decode} becomes a call to a small helper that
 * verifies the signature with the key the file already verifies with, and answers null on failure as
 * {@code decode} answers null for a malformed token, so the caller's existing null checks reject forged tokens too.
 * Other libraries get no patch: jwt-decode cannot verify, and jose's {@code jwtVerify} needs a key object and an
 * async caller that the code may not have.
 */
public final class TokenFixes {
  static final String HELPER = "verifiedClaims";
  private static final String JSONWEBTOKEN_DECODE = "jsonwebtoken.decode";
  private static final String NEST_JWT_DECODE = "@nestjs/jwt.JwtService.decode";

  private final JsEdits edits;

  public TokenFixes(JsEdits edits) {
    this.edits = edits;
  }

  public Optional<Fix> verifyToken(TokenUse use) {
    if (NEST_JWT_DECODE.equals(use.library()) && !use.signatureChecked()) {
      return jwtServiceDecode(use);
    }
    if (!JSONWEBTOKEN_DECODE.equals(use.library()) || use.signatureChecked() || edits.declares(HELPER)) {
      return Optional.empty();
    }
    Node call = edits.nodeAt(use.location(), "call_expression");
    Node callee = call == null ? null : Syntax.callee(call);
    if (callee == null || !callee.is("member_expression") || Syntax.arguments(call).size() != 1) {
      return Optional.empty(); // decode(t, { complete: true }) returns another shape: no drop-in replacement
    }
    if (!resultKeptWhole(call)) {
      return Optional.empty();
    }
    Node alias = Syntax.unwrap(callee.child("object"));
    if (alias == null || !alias.is("identifier")) {
      return Optional.empty();
    }
    String[] key = projectKey(alias.text());
    boolean ownKey = key != null;
    if (!ownKey) {
      // jsonwebtoken throws when the key is missing or empty: until JWT_SECRET is set every token is refused
      key = new String[] {"process.env.JWT_SECRET" + (edits.typescript() ? " ?? ''" : ""), null};
    }
    String argument = Syntax.arguments(call).get(0).text();
    List<TextEdit> out = new ArrayList<>();
    out.add(edits.replace(call, HELPER + "(" + argument + ")"));
    String verifyArgs = "token, " + key[0] + (key[1] == null ? "" : ", " + key[1]);
    String helper = "// " + alias.text() + ".verify in place of decode: checks the signature and expiry, and gives null"
        + " when they\n"
        + "// fail, as decode gives null for a malformed token"
        + (ownKey ? "" : "; refuses every token while JWT_SECRET is unset") + "\n"
        + "function " + HELPER + "(token" + (edits.typescript() ? ": string" : "") + ") {\n"
        + "  try {\n"
        + "    return " + alias.text() + ".verify(" + verifyArgs + ");\n"
        + "  } catch {\n"
        + "    return null;\n"
        + "  }\n"
        + "}\n";
    byte[] bytes = edits.tree().source().bytes();
    boolean endsWithNewline = bytes.length > 0 && (bytes[bytes.length - 1] == '\n' || bytes[bytes.length - 1] == '\r');
    out.add(edits.insert(bytes.length, (endsWithNewline ? "\n" : "\n\n") + edits.code(helper, "")));
    return Optional.of(new Fix("Verify the token: " + alias.text() + ".verify with "
        + (ownKey ? "the key the file already verifies with" : "JWT_SECRET") + " in place of "
        + alias.text() + ".decode, null on failure", out));
  }

  /**
   * The result goes whole into a variable, a property or a return value, where the code can test it for null.
   * Destructured or dereferenced at once ({@code const { sub } = jwt.decode(t)}), a refused token would throw where
   * the code never expected it, in an event handler say, so there is no patch.
   */
  private static boolean resultKeptWhole(Node call) {
    Node outer = Syntax.wrapped(call);
    Node parent = outer.parent();
    if (parent == null) {
      return false;
    }
    if (parent.is("variable_declarator")) {
      Node name = parent.child("name");
      return outer == parent.child("value") && name != null && name.is("identifier");
    }
    if (parent.is("assignment_expression")) {
      return outer == parent.child("right");
    }
    return parent.is("return_statement");
  }

  /**
   * The key (and literal options) of a {@code alias.verify(token, key, options)} call elsewhere in the file, when the
   * key is visible at the top level: {@code process.env.X} or a top-level constant. Null when there is none.
   */
  private String[] projectKey(String alias) {
    for (Node n : edits.tree().root().descendants()) {
      if (!Syntax.isCall(n) || !"verify".equals(Syntax.calleeName(n))) {
        continue;
      }
      Node callee = Syntax.callee(n);
      Node object = callee == null || !callee.is("member_expression") ? null : Syntax.unwrap(callee.child("object"));
      List<Node> args = Syntax.arguments(n);
      if (object == null || !object.is("identifier") || !object.text().equals(alias) || args.size() < 2) {
        continue;
      }
      Node key = args.get(1);
      if (!visibleAtTopLevel(Syntax.unwrap(key))) {
        continue;
      }
      Node options = args.size() > 2 && isLiteralOptions(args.get(2)) ? args.get(2) : null;
      return new String[] {key.text(), options == null ? null : options.text()};
    }
    return null;
  }

  private boolean visibleAtTopLevel(Node key) {
    if (key == null) {
      return false;
    }
    List<String> path = Syntax.memberPath(key);
    if (path != null && path.size() == 3 && path.get(0).equals("process") && path.get(1).equals("env")) {
      return true;
    }
    if (!key.is("identifier")) {
      return false;
    }
    for (Node statement : edits.topLevel()) {
      Node declaration = statement.is("export_statement") ? statement.child("declaration") : statement;
      if (declaration == null || !declaration.isAny("lexical_declaration", "variable_declaration")) {
        continue;
      }
      for (Node d : declaration.namedChildren()) {
        Node name = d.child("name");
        if (d.is("variable_declarator") && name != null && name.is("identifier") && name.text().equals(key.text())) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code { algorithms: ['HS256'], audience: 'app' }}: safe to copy, it refers to nothing local. */
  private static boolean isLiteralOptions(Node options) {
    if (!options.is("object")) {
      return false;
    }
    for (Node p : options.namedChildren()) {
      if (!p.is("pair")) {
        return false;
      }
      Node value = p.child("value");
      if (value == null || !(isLiteral(value) || value.is("array")
          && value.namedChildren().stream().allMatch(TokenFixes::isLiteral))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLiteral(Node n) {
    return n.isAny("string", "number", "true", "false");
  }

  /**
   * {@code this.jwtService.decode(token)} of @nestjs/jwt: a method of the class beside the caller that returns
   * {@code this.jwtService.verify(token)}, which checks the signature and expiry with the key JwtModule is configured
   * with, and null when they fail (or when no key is configured), as decode answers null for a malformed token. A bare
   * {@code verify} in place of decode would throw where the caller expects null: in a gateway's handleConnection the
   * exception leaves the client connected.
   */
  private Optional<Fix> jwtServiceDecode(TokenUse use) {
    Node call = edits.nodeAt(use.location(), "call_expression");
    Node callee = call == null ? null : Syntax.callee(call);
    Node service = callee == null || !callee.is("member_expression") ? null : Syntax.unwrap(callee.child("object"));
    List<String> path = service == null ? null : Syntax.memberPath(service);
    Node method = call == null ? null : call.ancestor("method_definition");
    Node body = method == null ? null : method.parent();
    if (path == null || path.size() != 2 || !path.get(0).equals("this") || Syntax.arguments(call).size() != 1
        || !resultKeptWhole(call) || body == null || !body.is("class_body") || edits.declares(HELPER)
        || hasMethod(body, HELPER)) {
      return Optional.empty();
    }
    boolean ts = edits.typescript();
    String argument = Syntax.arguments(call).get(0).text();
    String verify = "this." + path.get(1) + ".verify";
    String helper = "// " + verify + " in place of decode: checks the signature and expiry with the key JwtModule is"
        + " configured\n"
        + "// with, and gives null when they fail, as decode gives null for a malformed token\n"
        + (ts ? "private " : "") + HELPER + "(token" + (ts ? ": string" : "") + ") {\n"
        + "  try {\n"
        + "    return " + verify + "(token);\n"
        + "  } catch {\n"
        + "    return null;\n"
        + "  }\n"
        + "}";
    List<TextEdit> out = new ArrayList<>();
    out.add(edits.replace(call, "this." + HELPER + "(" + argument + ")"));
    String indent = edits.indentAt(method.startByte());
    out.add(edits.insert(edits.lineEnd(method.endByte()), "\n\n" + edits.code(helper, indent)));
    return Optional.of(new Fix("Verify the token: " + verify + " (the JwtModule's key) in place of decode, null on"
        + " failure", out));
  }

  private static boolean hasMethod(Node classBody, String name) {
    for (Node m : classBody.namedChildren()) {
      Node key = m.is("method_definition") ? m.child("name") : null;
      if (key != null && key.text().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
