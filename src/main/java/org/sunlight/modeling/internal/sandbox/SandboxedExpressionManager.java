package org.sunlight.modeling.internal.sandbox;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;
import org.sunlight.modeling.internal.validation.ExpressionPolicy;

/**
 * Camunda's JUEL, cut down to what compiled models need. Every expression the engine makes passes
 * through {@link #createValueExpression}: the parser's (conditions, names, documentation, timers,
 * listeners…), a timer's re-evaluation and DMN's alike, so one check covers them all. What it
 * evaluates resolves process variables, {@code execution} and {@code task} as values, and the
 * allowed beans; the only method calls are the listed ones of those beans ({@link ProcessBeanMethods}).
 * Camunda's Spring manager adds a {@code BeanELResolver} for every object, which is what made
 * {@code ''.getClass().forName(…)} reach reflection; none is here, nor any function.
 */
final class SandboxedExpressionManager extends JuelExpressionManager {

	private final ExpressionPolicy policy;

	SandboxedExpressionManager(Map<Object, Object> beans, ExpressionPolicy policy) {
		super(beans);
		this.policy = policy;
	}

	@Override
	public ValueExpression createValueExpression(String expression) {
		if (expression != null) {
			List<String> refused = policy.refused(expression);
			if (!refused.isEmpty()) {
				throw new ProcessEngineException("Sunlight's engine evaluates only what its compiler writes; refused: "
						+ refused.get(0));
			}
		}
		return super.createValueExpression(expression);
	}

	/** The resolution without the policy's check: only for tests of the second line. */
	ValueExpression createUncheckedValueExpression(String expression) {
		return super.createValueExpression(expression);
	}

	@Override
	protected ELResolver createElResolver() {
		CompositeELResolver resolver = new CompositeELResolver();
		resolver.add(new VariableScopeElResolver());
		resolver.add(new VariableContextElResolver());
		resolver.add(new ReadOnlyMapELResolver(beans));
		resolver.add(new ProcessBeanMethods(beans));
		return resolver;
	}

	/** Camunda registers {@code now()}, {@code dateTime()}, {@code currentUser()}…; models use none. */
	@Override
	protected FunctionMapper createFunctionMapper() {
		return new FunctionMapper() {

			@Override
			public Method resolveFunction(String prefix, String localName) {
				return null;
			}

		};
	}

}
