package org.sunlight.modeling.internal.sandbox;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;

import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.sunlight.modeling.internal.validation.ExpressionAllowList;

/**
 * The only method calls an expression can make: the calls of {@link ExpressionAllowList} on the
 * allowed beans. Anything else (a method of a string, of {@code execution}, {@code getClass()} of
 * an allowed bean) is left unresolved, so JUEL fails it; no property of any object is read.
 */
final class ProcessBeanMethods extends ELResolver {

	private final BeanELResolver methods = new BeanELResolver(true);
	private final Map<Object, Object> beans;

	ProcessBeanMethods(Map<Object, Object> beans) {
		this.beans = beans;
	}

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
		if (base == null || !allowed(base, String.valueOf(method))) {
			return null;
		}
		return methods.invoke(context, base, method, paramTypes, params);
	}

	private boolean allowed(Object base, String method) {
		return ExpressionAllowList.CALLS.stream()
			.anyMatch(call -> call.method().equals(method) && beans.get(call.bean()) == base);
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		return null;
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		return null;
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		// nothing is writable
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		return true;
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return null;
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return null;
	}

}
