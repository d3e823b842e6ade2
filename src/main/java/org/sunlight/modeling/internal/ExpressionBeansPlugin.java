package org.sunlight.modeling.internal;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.ProcessBeans;

/**
 * Restricts the beans expressions can resolve to {@link ProcessBeans#ALL}. Without it Camunda's
 * Spring integration resolves every bean of the application context (a data source, the engine's
 * own services) by name from any expression in a model.
 */
@Component
class ExpressionBeansPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationContext context;

	ExpressionBeansPlugin(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// The Spring factory bean has already made an expression manager over the whole context by
		// the time plugins run, so it is replaced here rather than configured.
		AllowedBeans beans = new AllowedBeans(context);
		configuration.setBeans(beans);
		configuration.setExpressionManager(new SpringExpressionManager(context, beans));
	}

	/**
	 * Looks the beans up on first use: they depend on engine services, which do not exist yet
	 * while the engine is being configured.
	 */
	static final class AllowedBeans extends AbstractMap<Object, Object> {

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

}
