package org.sunlight.modeling.internal.sandbox;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.sunlight.modeling.ProcessBeans;

/**
 * The beans expressions can resolve: {@link ProcessBeans#ALL}. Without it Camunda's Spring
 * integration resolves every bean of the application context (a data source, the engine's own
 * services) by name from any expression in a model. Looks the beans up on first use: they depend
 * on engine services, which do not exist yet while the engine is being configured.
 */
final class AllowedBeans extends AbstractMap<Object, Object> {

	private final ApplicationContext context;

	AllowedBeans(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public boolean containsKey(Object key) {
		return ProcessBeans.ALL.contains(key) && context.containsBean((String) key);
	}

	@Override
	public Object get(Object key) {
		return containsKey(key) ? context.getBean((String) key) : null;
	}

	@Override
	public Set<Entry<Object, Object>> entrySet() {
		Set<Entry<Object, Object>> entries = new LinkedHashSet<>();
		for (String name : ProcessBeans.ALL) {
			if (context.containsBean(name)) {
				entries.add(new SimpleImmutableEntry<>(name, context.getBean(name)));
			}
		}
		return entries;
	}

}
