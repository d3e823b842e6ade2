package org.sunlight;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules only use each other's published API; their diagrams are written into docs/modules. */
class ModularityTests {

	// Test classes share the modules' packages but are not part of them (whatever the build folder).
	private final ApplicationModules modules = ApplicationModules.of(SunlightApplication.class,
			DescribedPredicate.describe("test classes", (JavaClass type) -> type.getSource()
				.map(source -> source.getUri().toString().contains("/test-classes/"))
				.orElse(false)));

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDiagramsIntoTheDocs() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
