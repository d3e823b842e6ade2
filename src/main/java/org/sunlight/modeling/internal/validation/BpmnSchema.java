package org.sunlight.modeling.internal.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Checks a model against the BPMN 2.0 schema (the copy inside Camunda's model API) and reports
 * every violation as a problem with its line, column and element, worded by the JDK's schema
 * validator in the request's language. The schema is fixed and fully composed, so the validator
 * never loads another one: schema-location hints in the upload are ignored, never fetched.
 */
final class BpmnSchema {

	/** A broken file can violate the schema thousands of times; the first ones say enough. */
	static final int MAX_PROBLEMS = 50;

	private static final String SCHEMA_RESOURCE = "org/camunda/bpm/model/bpmn/schema/BPMN20.xsd";
	private static final String XERCES_LOCALE = "http://apache.org/xml/properties/locale";
	private static final Pattern RULE_PREFIX = Pattern.compile("^cvc-[\\w.-]+:\\s*");
	/** Namespaces as a designer writes them, instead of the schema validator's {"uri":name}. */
	private static final Map<String, String> PREFIXES = Map.of("http://www.omg.org/spec/BPMN/20100524/MODEL", "bpmn",
			"http://www.omg.org/spec/BPMN/20100524/DI", "bpmndi", "http://www.omg.org/spec/DD/20100524/DC", "dc",
			"http://www.omg.org/spec/DD/20100524/DI", "di");

	private static final Schema SCHEMA = load();

	private BpmnSchema() {
	}

	/** Adds a problem for every violation; returns whether there was none. */
	static boolean check(byte[] xml, Problems problems, Locale locale) {
		ElementTracker tracker = new ElementTracker(SCHEMA.newValidatorHandler());
		Violations violations = new Violations(tracker, problems);
		tracker.validator.setErrorHandler(violations);
		setProperty(tracker.validator, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		setProperty(tracker.validator, XMLConstants.ACCESS_EXTERNAL_DTD, "");
		setProperty(tracker.validator, XERCES_LOCALE, locale);
		try {
			XMLReader reader = secureReader();
			reader.setContentHandler(tracker);
			reader.setErrorHandler(violations);
			reader.parse(new InputSource(new ByteArrayInputStream(xml)));
		}
		catch (EnoughSaid ex) {
			// the first MAX_PROBLEMS are reported
		}
		catch (SAXException | IOException | ParserConfigurationException ex) {
			// SafeXml has read the same bytes as well-formed; a reader failure here is a bug, not the upload's
			throw new IllegalStateException("the schema check could not read a well-formed model", ex);
		}
		return violations.count == 0;
	}

	private static XMLReader secureReader() throws SAXException, ParserConfigurationException {
		SAXParserFactory factory = SAXParserFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setXIncludeAware(false);
		return factory.newSAXParser().getXMLReader();
	}

	private static void setProperty(ValidatorHandler validator, String name, Object value) {
		try {
			validator.setProperty(name, value);
		}
		catch (SAXNotRecognizedException | SAXNotSupportedException ex) {
			// another JAXP implementation: its messages stay in its own language; access stays closed
			// because the schema is fully composed
		}
	}

	private static Schema load() {
		URL schema = Bpmn.class.getClassLoader().getResource(SCHEMA_RESOURCE);
		if (schema == null) {
			throw new IllegalStateException("the BPMN 2.0 schema " + SCHEMA_RESOURCE + " is not on the class path");
		}
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			// No URL is opened by the schema factory, whatever the packaging (file:, jar:, Spring Boot's
			// nested: inside the executable jar): the schema's includes come from the class path by
			// name through the resolver, and everything else is refused.
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setResourceResolver(BpmnSchema::bundled);
			try (InputStream in = schema.openStream()) {
				return factory.newSchema(new StreamSource(in, schema.toExternalForm()));
			}
		}
		catch (SAXException | IOException ex) {
			throw new IllegalStateException("the BPMN 2.0 schema cannot be loaded", ex);
		}
	}

	/** One of the BPMN schema's own files (BPMNDI.xsd, DC.xsd, DI.xsd, Semantic.xsd), read from the class path. */
	private static LSInput bundled(String type, String namespace, String publicId, String systemId, String baseUri) {
		if (systemId == null) {
			return null;
		}
		String name = systemId.substring(systemId.lastIndexOf('/') + 1);
		String directory = SCHEMA_RESOURCE.substring(0, SCHEMA_RESOURCE.lastIndexOf('/') + 1);
		URL resource = name.matches("[A-Za-z0-9]+\\.xsd") ? Bpmn.class.getClassLoader().getResource(directory + name)
				: null;
		if (resource == null) {
			return null;
		}
		try (InputStream in = resource.openStream()) {
			LSInput input = ((DOMImplementationLS) DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.getDOMImplementation()).createLSInput();
			input.setByteStream(new ByteArrayInputStream(in.readAllBytes()));
			input.setSystemId(resource.toExternalForm());
			input.setPublicId(publicId);
			return input;
		}
		catch (IOException | ParserConfigurationException ex) {
			throw new IllegalStateException("the BPMN schema file " + name + " cannot be read", ex);
		}
	}

	static String plain(String message) {
		String text = RULE_PREFIX.matcher(message == null ? "" : message.replaceAll("\\s+", " ").trim()).replaceFirst("");
		for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
			text = text.replace("\"" + prefix.getKey() + "\":", prefix.getValue() + ":");
		}
		return text;
	}

	/** Passes the document on to the validator, knowing at every moment which element it is in. */
	private static final class ElementTracker extends XMLFilterImpl {

		private final ValidatorHandler validator;
		private final Deque<String[]> open = new ArrayDeque<>();
		private Locator locator;

		ElementTracker(ValidatorHandler validator) {
			this.validator = validator;
			setContentHandler(validator);
		}

		@Override
		public void setDocumentLocator(Locator locator) {
			this.locator = locator;
			super.setDocumentLocator(locator);
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
			String id = atts.getValue("", "id");
			open.push(new String[] { qName, id != null ? id : open.isEmpty() ? null : open.peek()[1] });
			super.startElement(uri, localName, qName, atts);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			super.endElement(uri, localName, qName);
			open.pop();
		}

		String elementTag() {
			return open.isEmpty() ? null : open.peek()[0];
		}

		/** The id of the element, or of the nearest enclosing one that has an id. */
		String elementId() {
			return open.isEmpty() ? null : open.peek()[1];
		}

	}

	private static final class Violations implements ErrorHandler {

		private final ElementTracker tracker;
		private final Problems problems;
		private int count;

		Violations(ElementTracker tracker, Problems problems) {
			this.tracker = tracker;
			this.problems = problems;
		}

		@Override
		public void warning(SAXParseException ex) {
			// warnings of the schema validator are about the schema, not the model
		}

		@Override
		public void error(SAXParseException ex) {
			count++;
			// At the end of the document (an id that nothing declares) no element is open.
			String tag = tracker.elementTag();
			problems.addAt(ProblemCode.BPMN_SCHEMA, tracker.elementId(), tag == null ? "<definitions>" : "<" + tag + ">",
					ex.getLineNumber(), ex.getColumnNumber(), plain(ex.getMessage()));
			if (count >= MAX_PROBLEMS) {
				throw new EnoughSaid();
			}
		}

		@Override
		public void fatalError(SAXParseException ex) {
			error(ex);
			throw new EnoughSaid();
		}

	}

	/** Stops reading once enough has been reported. */
	private static final class EnoughSaid extends RuntimeException {

		EnoughSaid() {
			super(null, null, false, false);
		}

	}

}
