package dev.watchword.otp.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser configured for untrusted XML (OWASP XXE prevention): any DOCTYPE is refused, so no
 * entity, internal or external, is ever declared or expanded; external DTDs, schemas and XInclude are off; the
 * JDK's secure-processing limits apply. Errors give the line only, never the parser's message.
 */
final class SecureXml {

  private SecureXml() {
  }

  static Document parse(byte[] xml) {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(new Quiet());
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are refused");
      });
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      throw Refused.malformed(e.getLineNumber() > 0 ? "line " + e.getLineNumber() : "file",
          "the XML is not well-formed, is truncated, or declares a DOCTYPE (refused, so that no entity is expanded)",
          e);
    } catch (SAXException | IOException e) {
      throw Refused.malformed("file", "the XML cannot be read", e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a standard security feature", e);
    }
  }

  /** The element children of {@code parent} with this local name, whatever their namespace. */
  static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  /** The first such child, or null. */
  static Element child(Element parent, String localName) {
    List<Element> found = children(parent, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The stripped text of the child reached by the path of local names, or "" when absent. */
  static String text(Element parent, String... path) {
    Element current = parent;
    for (String name : path) {
      current = current == null ? null : child(current, name);
    }
    return current == null ? "" : current.getTextContent().strip();
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  /** Without a handler the JDK prints "[Fatal Error]" lines, with file content, to standard error. */
  private static final class Quiet implements ErrorHandler {

    @Override
    public void warning(SAXParseException e) {
      // Warnings do not stop parsing and are not shown.
    }

    @Override
    public void error(SAXParseException e) throws SAXParseException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  }
}
