package dev.wsguard.java.frameworks.jakarta;

import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.DescriptorReader;
import dev.wsguard.java.unit.LineIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the servlet security constraints of a {@code WEB-INF/web.xml}: which URL patterns need an authenticated
 * role, for which HTTP methods, and the login method. The parser refuses DTDs and external entities: a descriptor is
 * untrusted input to a scanner.
 */
public final class WebXmlReader implements DescriptorReader {
  @Override
  public void read(String path, byte[] content, Consumer<JavaFact> out) throws IOException {
    if (!path.endsWith("web.xml")) {
      return;
    }
    Document doc = parse(content);
    String authMethod = "";
    NodeList logins = doc.getElementsByTagNameNS("*", "auth-method");
    if (logins.getLength() > 0) {
      authMethod = logins.item(0).getTextContent().strip().toUpperCase(Locale.ROOT);
    }
    String text = new String(content, StandardCharsets.UTF_8);
    LineIndex lines = new LineIndex(path, content);
    NodeList constraints = doc.getElementsByTagNameNS("*", "security-constraint");
    int from = 0;
    for (int i = 0; i < constraints.getLength(); i++) {
      Element c = (Element) constraints.item(i);
      int at = text.indexOf("security-constraint>", from);
      int line = at < 0 ? 1 : (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
      from = at < 0 ? from : text.indexOf("</", at) + 1;
      boolean auth = c.getElementsByTagNameNS("*", "auth-constraint").getLength() > 0;
      out.accept(new JakartaFacts.SecurityConstraint(lines.span(line, 1, line, 1), texts(c, "url-pattern"),
          texts(c, "http-method"), texts(c, "http-method-omission"), auth, texts(c, "role-name"), authMethod));
    }
  }

  private static List<String> texts(Element parent, String tag) {
    List<String> out = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagNameNS("*", tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      out.add(n.getTextContent().strip());
    }
    return out;
  }

  private static Document parse(byte[] content) throws IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(content));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
