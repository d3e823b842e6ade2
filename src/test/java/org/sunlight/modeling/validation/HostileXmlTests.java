package org.sunlight.modeling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.sunlight.modeling.validation.Validation.valid;
import static org.sunlight.modeling.validation.Validation.validWith;
import static org.sunlight.modeling.validation.Validation.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.modeling.ModelRejectedException.Reason;
import org.sunlight.support.CountingServer;

/**
 * Uploads that must be refused before anything is expanded, fetched or opened. A local HTTP
 * server counts the requests the parsers would make: it must see none.
 */
class HostileXmlTests {

	private static final String BPMN_ROOT = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"Defs\" targetNamespace=\"urn:x\">";

	private CountingServer server;
	private AtomicInteger requests;
	private String base;

	@BeforeEach
	void startServer() throws IOException {
		server = CountingServer.start("<!ENTITY leaked 'leaked'>");
		requests = server.requests();
		base = server.base();
	}

	@AfterEach
	void stopServer() {
		server.stop();
	}

	@Test
	void refusesAnExternalEntityWithoutReadingIt(@TempDir Path dir) throws IOException {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
		String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE bpmn:definitions [\n"
				+ "  <!ENTITY passwd SYSTEM \"file:///etc/passwd\">\n"
				+ "  <!ENTITY secret SYSTEM \"" + secret.toUri() + "\">\n"
				+ "  <!ENTITY remote SYSTEM \"" + base + "/xxe\">\n]>\n"
				+ validWith("name=\"审查\"", "name=\"&passwd;&secret;&remote;\"").replaceFirst("<\\?xml[^>]*>\\s*", "");
		assertThat(assertRefused(xml, Reason.HOSTILE).getMessage()).doesNotContain("TOP-SECRET", "root:");
		assertThat(requests).hasValue(0);
	}

	/** A second line of defence: the validator hands the bytes to Camunda only after SafeXml passed them. */
	@Test
	void camundasOwnParserRefusesDoctypesToo() {
		String xml = "<!DOCTYPE bpmn:definitions [<!ENTITY remote SYSTEM \"" + base + "/xxe\">]>\n"
				+ validWith("name=\"审查\"", "name=\"&remote;\"").replaceFirst("<\\?xml[^>]*>\\s*", "");
		byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)))
			.hasStackTraceContaining("DOCTYPE");
		assertThat(requests).hasValue(0);
	}

	@Test
	void refusesParameterEntities() {
		String xml = "<!DOCTYPE x [<!ENTITY % remote SYSTEM \"" + base + "/dtd\"> %remote;]>\n" + BPMN_ROOT
				+ "</bpmn:definitions>";
		assertRefused(xml, Reason.HOSTILE);
		assertThat(requests).hasValue(0);
	}

	@Test
	void refusesAnExternalDtd() {
		assertRefused("<!DOCTYPE x SYSTEM \"" + base + "/x.dtd\">\n" + BPMN_ROOT + "</bpmn:definitions>", Reason.HOSTILE);
		assertThat(requests).hasValue(0);
	}

	@Test
	void refusesBillionLaughsQuickly() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
		for (int i = 1; i <= 9; i++) {
			xml.append("<!ENTITY lol").append(i).append(" \"");
			xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
		}
		xml.append("]>\n").append(BPMN_ROOT).append("<bpmn:documentation>&lol9;</bpmn:documentation></bpmn:definitions>");
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertRefused(xml.toString(), Reason.HOSTILE));
	}

	@Test
	void refusesXInclude() {
		String xml = validWith("<bpmn:process ", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
				+ base + "/include\" parse=\"text\"/>\n  <bpmn:process ");
		assertRefused(xml, Reason.HOSTILE);
		assertThat(requests).hasValue(0);
	}

	@Test
	void refusesAbsurdNestingBeforeAnyoneRecursesIntoIt() {
		int depth = 150_000;
		String nested = "<x:a xmlns:x=\"urn:x\">" + "<x:a>".repeat(depth) + "</x:a>".repeat(depth) + "</x:a>";
		String xml = validWith("<bpmn:startEvent id=\"Start\" name=\"申请\"/>", "<bpmn:startEvent id=\"Start\" name=\"申请\">"
				+ "<bpmn:extensionElements>" + nested + "</bpmn:extensionElements></bpmn:startEvent>");
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertRefused(xml, Reason.HOSTILE));
	}

	@Test
	void refusesModelsOverTwoMegabytes() {
		String padding = "<!--" + "x".repeat(2 * 1024 * 1024) + "-->";
		assertRefused(validWith("</bpmn:definitions>", padding + "</bpmn:definitions>"), Reason.TOO_LARGE);
	}

	@Test
	void refusesMalformedXml() {
		assertRefused("<bpmn:definitions", Reason.MALFORMED);
		assertRefused(validWith("</bpmn:process>", "</bpmn:proces>"), Reason.MALFORMED);
		assertRefused("", Reason.MALFORMED);
		assertRefused("not xml at all", Reason.MALFORMED);
	}

	@Test
	void refusesXmlThatIsNotBpmn() {
		assertRefused("<html><body>not a model</body></html>", Reason.NOT_BPMN);
		assertRefused("<definitions xmlns=\"urn:not-bpmn\"/>", Reason.NOT_BPMN);
	}

	private static ModelRejectedException assertRefused(String xml, Reason reason) {
		try {
			validate(xml);
		}
		catch (ModelRejectedException ex) {
			assertThat(ex.reason()).as(ex.getMessage()).isEqualTo(reason);
			return ex;
		}
		throw new AssertionError("expected the model to be refused as " + reason);
	}

}
