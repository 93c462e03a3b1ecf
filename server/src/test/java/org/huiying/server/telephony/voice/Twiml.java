package org.huiying.server.telephony.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** TwiML parsed as XML, as Twilio reads it, for assertions on elements and attributes. */
final class Twiml {

    private final Element root;

    private Twiml(Element root) {
        this.root = root;
    }

    static Twiml parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("Response");
            return new Twiml(root);
        } catch (Exception e) {
            throw new AssertionError("not well-formed TwiML: " + xml, e);
        }
    }

    /** The verbs directly under {@code <Response>}, in order, by name. */
    List<String> verbs() {
        return children(root).stream().map(Element::getTagName).toList();
    }

    /** Every element named {@code tag}, at any depth, in document order. */
    List<Element> all(String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    Element one(String tag) {
        List<Element> found = all(tag);
        assertThat(found).as("<%s> in the TwiML", tag).hasSize(1);
        return found.get(0);
    }

    /** Everything said, in order, joined. */
    String spoken() {
        return String.join("", all("Say").stream().map(Element::getTextContent).toList());
    }

    static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }
}
