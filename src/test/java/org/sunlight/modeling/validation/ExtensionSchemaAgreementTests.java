package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.SafeXml;
import org.sunlight.modeling.internal.validation.SlVocabulary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The extension is described three times: sl.xsd for the server and BPMN tools, the bpmn-js
 * descriptor sl.json for the designer, and SlVocabulary for the validator. They must name the
 * same elements, the same attributes per element and the same global attribute.
 */
class ExtensionSchemaAgreementTests {

	static final Path DESCRIPTOR = Path.of("frontend/src/modeler/descriptors/sl.json");
	private static final String XSD = "/org/sunlight/modeling/sl.xsd";
	private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

	/** One element of the extension: its attributes and the extension elements it contains. */
	record Shape(Set<String> attributes, Set<String> children) {
	}

	@Test
	void descriptorAndSchemaNameTheSameElementsAndAttributes() throws IOException {
		assertThat(DESCRIPTOR).as("the bpmn-js descriptor of the frontend").exists();
		JsonNode descriptor = new ObjectMapper().readTree(DESCRIPTOR.toFile());
		assertThat(descriptor.path("prefix").asText()).isEqualTo(SlNamespace.PREFIX);
		assertThat(descriptor.path("uri").asText()).isEqualTo(SlNamespace.URI);
		assertThat(descriptor.path("xml").path("tagAlias").asText()).isEqualTo("lowerCase");
		assertThat(descriptorShapes(descriptor)).isEqualTo(schemaShapes());
		assertThat(descriptorUserTaskAttributes(descriptor)).isEqualTo(schemaGlobalAttributes())
			.containsExactly(SlVocabulary.UNSUPERVISED);
	}

	@Test
	void validatorAndSchemaNameTheSameElementsAndAttributes() {
		Map<String, Shape> schema = schemaShapes();
		assertThat(schema.keySet()).isEqualTo(SlVocabulary.ATTRIBUTES.keySet());
		SlVocabulary.ATTRIBUTES.forEach((element, attributes) -> assertThat(schema.get(element).attributes())
			.as("attributes of sl:%s", element)
			.isEqualTo(new TreeSet<>(attributes)));
		assertThat(schemaGlobalAttributes()).containsExactly(SlVocabulary.UNSUPERVISED);
		assertThat(enumeration("tCategory")).containsExactlyElementsOf(SlVocabulary.CATEGORIES);
		assertThat(enumeration("tCalendar")).containsExactlyElementsOf(SlVocabulary.CALENDARS);
	}

	@Test
	void schemaAcceptsTheExtensionOfTheValidFixtureAndRefusesAnUnknownCategory() throws Exception {
		Schema schema = schema();
		Document fixture = SafeXml.parse(Validation.valid());
		for (String name : new String[] { SlVocabulary.POWER, SlVocabulary.STEP }) {
			NodeList elements = fixture.getElementsByTagNameNS(SlNamespace.URI, name);
			for (int i = 0; i < elements.getLength(); i++) {
				schema.newValidator().validate(new DOMSource(elements.item(i)));
			}
		}
		Element power = (Element) fixture.getElementsByTagNameNS(SlNamespace.URI, SlVocabulary.POWER).item(0);
		power.setAttribute("category", "MAGIC");
		assertThatThrownBy(() -> schema.newValidator().validate(new DOMSource(power))).isInstanceOf(SAXException.class);
		power.setAttribute("category", "LICENSING");
		power.setAttribute("promisedLimit", "P1M");
		assertThatThrownBy(() -> schema.newValidator().validate(new DOMSource(power))).isInstanceOf(SAXException.class);
	}

	private static Map<String, Shape> descriptorShapes(JsonNode descriptor) {
		Set<String> elementTypes = new TreeSet<>();
		for (JsonNode type : descriptor.path("types")) {
			if (!type.has("extends")) {
				elementTypes.add(unprefixed(type.path("name").asText()));
			}
		}
		Map<String, Shape> shapes = new TreeMap<>();
		for (JsonNode type : descriptor.path("types")) {
			if (type.has("extends")) {
				continue;
			}
			Shape shape = new Shape(new TreeSet<>(), new TreeSet<>());
			for (JsonNode property : type.path("properties")) {
				if (property.path("isAttr").asBoolean(false)) {
					shape.attributes().add(property.path("name").asText());
				}
				else if (elementTypes.contains(unprefixed(property.path("type").asText()))) {
					shape.children().add(lowerFirst(unprefixed(property.path("type").asText())));
				}
			}
			shapes.put(lowerFirst(unprefixed(type.path("name").asText())), shape);
		}
		return shapes;
	}

	/** Attributes that types extending bpmn:UserTask add to it. */
	private static Set<String> descriptorUserTaskAttributes(JsonNode descriptor) {
		Set<String> attributes = new TreeSet<>();
		for (JsonNode type : descriptor.path("types")) {
			for (JsonNode extended : type.path("extends")) {
				if (extended.asText().equals("bpmn:UserTask")) {
					type.path("properties").forEach(p -> attributes.add(p.path("name").asText()));
				}
			}
		}
		return attributes;
	}

	private static Map<String, Shape> schemaShapes() {
		Element schema = xsd();
		Map<String, Shape> shapes = new TreeMap<>();
		for (Element element : children(schema, "element")) {
			Element type = complexType(schema, unprefixed(element.getAttribute("type")));
			Shape shape = new Shape(new TreeSet<>(), new TreeSet<>());
			NodeList attributes = type.getElementsByTagNameNS(XS, "attribute");
			for (int i = 0; i < attributes.getLength(); i++) {
				shape.attributes().add(((Element) attributes.item(i)).getAttribute("name"));
			}
			NodeList nested = type.getElementsByTagNameNS(XS, "element");
			for (int i = 0; i < nested.getLength(); i++) {
				shape.children().add(unprefixed(((Element) nested.item(i)).getAttribute("ref")));
			}
			shapes.put(element.getAttribute("name"), shape);
		}
		return shapes;
	}

	private static Set<String> schemaGlobalAttributes() {
		Set<String> names = new TreeSet<>();
		children(xsd(), "attribute").forEach(attribute -> names.add(attribute.getAttribute("name")));
		return names;
	}

	private static List<String> enumeration(String simpleType) {
		Element type = children(xsd(), "simpleType").stream()
			.filter(t -> t.getAttribute("name").equals(simpleType))
			.findFirst()
			.orElseThrow();
		NodeList values = type.getElementsByTagNameNS(XS, "enumeration");
		List<String> result = new ArrayList<>();
		for (int i = 0; i < values.getLength(); i++) {
			result.add(((Element) values.item(i)).getAttribute("value"));
		}
		return result;
	}

	private static Element complexType(Element schema, String name) {
		return children(schema, "complexType").stream()
			.filter(type -> type.getAttribute("name").equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("sl.xsd has no complexType " + name));
	}

	private static List<Element> children(Element parent, String localName) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element child && XS.equals(child.getNamespaceURI())
					&& localName.equals(child.getLocalName())) {
				found.add(child);
			}
		}
		return found;
	}

	private static Element xsd() {
		return SafeXml.parse(xsdText()).getDocumentElement();
	}

	private static Schema schema() throws SAXException {
		SchemaFactory factory = SchemaFactory.newInstance(XS);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		return factory.newSchema(new StreamSource(new StringReader(xsdText())));
	}

	private static String xsdText() {
		try (InputStream in = ExtensionSchemaAgreementTests.class.getResourceAsStream(XSD)) {
			assertThat(in).as(XSD + " on the classpath").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static String unprefixed(String name) {
		return name.substring(name.indexOf(':') + 1);
	}

	private static String lowerFirst(String name) {
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

}
