package org.sunlight.modeling.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.DeploymentResult;
import org.sunlight.modeling.InvalidModelException;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.modeling.PowerDeployment;

/**
 * Deploys every {@code .bpmn} file of the processes folder at start-up, skipping files whose source
 * is unchanged since their power's latest version. A file that fails validation stops start-up
 * with its problems listed: a sample that cannot be supervised must not run unnoticed.
 */
@Component
@Order(0)
class ProcessesDeployer implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ProcessesDeployer.class);
	static final String SYSTEM_USER = PowerDeployment.SYSTEM;

	private final PowerDeployment deployment;
	private final ResourcePatternResolver resources;
	private final String location;

	ProcessesDeployer(PowerDeployment deployment, ResourcePatternResolver resources,
			@Value("${sunlight.processes.location:file:./processes/}") String location) {
		this.deployment = deployment;
		this.resources = resources;
		this.location = location.endsWith("/") ? location : location + "/";
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Resource[] files = resources.getResources(location + "*.bpmn");
		if (files.length == 0) {
			log.info("No power models found in {}", location);
			return;
		}
		Arrays.sort(files, Comparator.comparing(Resource::getFilename));
		for (Resource file : files) {
			deploy(file);
		}
	}

	/**
	 * Two nodes starting together may both see a changed file; the loser's version row clashes on
	 * its key, its transaction (Camunda deployment included) rolls back, and a second look finds
	 * the winner's version unchanged.
	 */
	private DeploymentResult deployOnce(byte[] xml) {
		try {
			return deployment.deployIfChanged(xml, SYSTEM_USER);
		}
		catch (DataIntegrityViolationException ex) {
			log.info("Another node deployed the same power concurrently; checking again");
			return deployment.deployIfChanged(xml, SYSTEM_USER);
		}
	}

	private void deploy(Resource file) throws IOException {
		byte[] xml;
		try (InputStream in = file.getInputStream()) {
			xml = in.readAllBytes();
		}
		try {
			DeploymentResult result = deployOnce(xml);
			if (result.unchanged()) {
				log.info("{}: power {} unchanged, version {} kept", file.getFilename(), result.powerCode(),
						result.version());
			}
			else {
				log.info("{}: deployed power {} version {} ({} warning(s))", file.getFilename(), result.powerCode(),
						result.version(), result.problems().size());
			}
			result.problems().forEach(p -> log.warn("{}: {} {} at {}: {}", file.getFilename(), p.severity(), p.code(),
					p.elementId(), p.message()));
		}
		catch (InvalidModelException ex) {
			String problems = ex.report().problems().stream()
				.map(p -> "  " + p.severity() + " " + p.code() + " at " + p.elementId() + ": " + p.message())
				.collect(Collectors.joining("\n"));
			throw new IllegalStateException(
					"Power model " + file.getFilename() + " in " + location + " is invalid:\n" + problems, ex);
		}
		catch (ModelRejectedException ex) {
			throw new IllegalStateException(
					"Power model " + file.getFilename() + " in " + location + " was refused: " + ex.getMessage(), ex);
		}
	}

}
