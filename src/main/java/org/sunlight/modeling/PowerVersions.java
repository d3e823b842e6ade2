package org.sunlight.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Service;
import org.sunlight.modeling.internal.PowerVersionStore;
import org.sunlight.modeling.internal.SubmissionStore;
import org.sunlight.modeling.internal.PublicDiagram;

/** Reads deployed versions of powers: their metadata, the source as drawn and the compiled model. */
@Service
public class PowerVersions {

	private final PowerVersionStore store;
	private final SubmissionStore submissions;
	private final RepositoryService repository;
	private final PowerDescriber describer;
	// A deployed definition never changes, so its description can be kept for the node's life.
	private final Map<String, PowerDescription> descriptions = new ConcurrentHashMap<>();
	private final Map<String, String> publicDiagrams = new ConcurrentHashMap<>();

	PowerVersions(PowerVersionStore store, SubmissionStore submissions, RepositoryService repository,
			PowerDescriber describer) {
		this.store = store;
		this.submissions = submissions;
		this.repository = repository;
		this.describer = describer;
	}

	public List<PowerVersion> versions(String powerCode) {
		return store.all(powerCode);
	}

	public Optional<PowerVersion> latest(String powerCode) {
		return store.latest(powerCode);
	}

	public Optional<PowerVersion> find(String powerCode, int version) {
		return store.find(powerCode, version);
	}

	/**
	 * A live version or, failing that, one submitted for review, so that a reviewer can compare it
	 * with the live one. A submitted version has no process definition (it is not in the engine);
	 * its {@code deployedAt} is when it was submitted.
	 */
	public Optional<PowerVersion> drawn(String powerCode, int version) {
		return store.find(powerCode, version).or(() -> submissions.find(powerCode, version)
			.map(s -> new PowerVersion(s.powerCode(), s.version(), s.processKey(), null, null, null, s.submittedAt(),
					s.submittedBy(), s.reviewedBy())));
	}

	public Optional<String> source(PowerVersion version) {
		return version.processDefinitionId() == null ? submissions.source(version.powerCode(), version.version())
				: store.source(version.powerCode(), version.version());
	}

	public String compiled(PowerVersion version) {
		try (InputStream in = repository.getProcessModel(version.processDefinitionId())) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The version's drawing without anything but shapes, names, flows and layout: no {@code camunda:}
	 * attribute, no extension elements, so no username, form or expression (for the public portal).
	 */
	public Optional<String> publicDiagram(PowerVersion version) {
		String cached = publicDiagrams.get(version.processDefinitionId());
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<String> diagram = source(version).map(PublicDiagram::of);
		diagram.ifPresent(xml -> publicDiagrams.put(version.processDefinitionId(), xml));
		return diagram;
	}

	/** The power behind a deployed Camunda definition, or empty when Sunlight did not deploy it. */
	public Optional<PowerDescription> describe(String processDefinitionId) {
		PowerDescription cached = descriptions.get(processDefinitionId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<PowerDescription> found = store.byDefinition(processDefinitionId)
			.flatMap(this::source)
			.map(xml -> describer.describe(xml.getBytes(StandardCharsets.UTF_8)));
		found.ifPresent(description -> descriptions.put(processDefinitionId, description));
		return found;
	}

}
