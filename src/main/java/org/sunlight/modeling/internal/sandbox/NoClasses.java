package org.sunlight.modeling.internal.sandbox;

import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Instantiates no class a model names ({@code camunda:class} on listeners, service tasks and call
 * activities, and the shell and mail tasks Camunda builds from {@code camunda:type}): Camunda
 * makes all of them through this factory. Compiled models name no class.
 */
final class NoClasses implements ArtifactFactory {

	@Override
	public <T> T getArtifact(Class<T> type) {
		throw new ProcessEngineException("Sunlight instantiates no class named in a model; refused " + type.getName());
	}

}
