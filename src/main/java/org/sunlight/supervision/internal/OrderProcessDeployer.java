package org.sunlight.supervision.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.PowerDeployment;

/**
 * Deploys the supervision order process at start-up, through the same validation and
 * compilation as any power (and only when it changed).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProcessDeployer implements ApplicationRunner {

	static final String RESOURCE = "/org/sunlight/supervision/supervision-order.bpmn";

	private final PowerDeployment deployment;

	OrderProcessDeployer(PowerDeployment deployment) {
		this.deployment = deployment;
	}

	@Override
	public void run(ApplicationArguments args) {
		deployment.deploySystemProcess(RESOURCE);
	}

}
