package io.shardstream.bench.report.chart;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * An SVG document parsed with the JDK's XML parser (so a test fails on anything not well-formed),
 * and what it shows as text.
 */
public record SvgDocument(Document document) {

  public static SvgDocument parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // A chart needs no DTD; refusing one also keeps the parser off the network.
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return new SvgDocument(
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg))));
  }

  /** The root element's name. */
  public String root() {
    return document.getDocumentElement().getLocalName();
  }

  /** The text of every {@code <text>} element, in document order. */
  public List<String> texts() {
    NodeList nodes = document.getElementsByTagNameNS("*", "text");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  /** All the text, joined with spaces: for phrases that a long title wraps over lines. */
  public String allText() {
    return String.join(" ", texts());
  }
}
