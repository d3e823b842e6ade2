package org.sunlight.modeling.internal.sandbox;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.scripting.ExecutableScript;
import org.camunda.bpm.engine.impl.scripting.ScriptFactory;

/**
 * Makes no script: every script task, script listener, script condition and scripted input or
 * output goes through the engine's script factory while the model is parsed, so such a model
 * cannot be deployed, even one that never passed the validator.
 */
final class NoScripts extends ScriptFactory {

	@Override
	public ExecutableScript createScriptFromResource(String language, String resource) {
		throw refused(language);
	}

	@Override
	public ExecutableScript createScriptFromResource(String language, Expression resourceExpression) {
		throw refused(language);
	}

	@Override
	public ExecutableScript createScriptFromSource(String language, String source) {
		throw refused(language);
	}

	@Override
	public ExecutableScript createScriptFromSource(String language, Expression sourceExpression) {
		throw refused(language);
	}

	private static ProcessEngineException refused(String language) {
		return new ProcessEngineException("Sunlight runs no scripts; a " + language + " script was refused");
	}

}
