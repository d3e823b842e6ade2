package org.sunlight.modeling;

import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Who may change which power: nobody changes a system power ({@link SystemPowers}), and a
 * designer changes only the powers of the departments the organisation gives them, including
 * the department a power leaves when a new version moves it elsewhere.
 */
@Component
class PowerPermissions {

	private final DesignScope scope;
	private final PowerVersions versions;

	PowerPermissions(DesignScope scope, PowerVersions versions) {
		this.scope = scope;
		this.versions = versions;
	}

	void checkMayChange(String username, PowerDescription power) {
		if (SystemPowers.isSystem(power.code())) {
			throw new PowerForbiddenException("review.systemPower",
					"power " + power.code() + " is a system power: only Sunlight deploys it, at start-up", power.code());
		}
		if (!scope.mayDraw(username, power.department())) {
			throw new PowerForbiddenException("review.otherDepartment", "power " + power.code()
					+ " belongs to department " + power.department() + ", whose powers " + username + " does not draw",
					power.code(), power.department(), username);
		}
		Optional<String> current = versions.latest(power.code())
			.flatMap(live -> versions.describe(live.processDefinitionId()))
			.map(PowerDescription::department)
			.filter(department -> !Objects.equals(department, power.department()));
		if (current.isPresent() && !scope.mayDraw(username, current.get())) {
			throw new PowerForbiddenException("review.otherDepartment", "power " + power.code()
					+ " belongs to department " + current.get() + ", whose powers " + username + " does not draw",
					power.code(), current.get(), username);
		}
	}

}
