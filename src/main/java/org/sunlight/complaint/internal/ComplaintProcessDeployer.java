package org.sunlight.complaint.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.sunlight.modeling.PowerDeployment;

/**
 * Deploys the complaint process (SYS-COMPLAINT) at start-up, through the same validation and
 * compilation as any power (and only when it changed), so its steps have clocks and lamps.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ComplaintProcessDeployer implements ApplicationRunner {

	static final String RESOURCE = "/org/sunlight/complaint/complaint.bpmn";

	private final PowerDeployment deployment;

	ComplaintProcessDeployer(PowerDeployment deployment) {
		this.deployment = deployment;
	}

	@Override
	public void run(ApplicationArguments args) {
		deployment.deploySystemProcess(RESOURCE);
	}

}
