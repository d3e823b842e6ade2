package org.sunlight;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Modules only use each other's published API. Their diagrams are written under the build folder,
 * so a test run leaves the tree clean; {@code -Dsunlight.modules.docs=docs/modules} refreshes the
 * committed copies.
 */
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
		String folder = System.getProperty("sunlight.modules.docs",
				System.getProperty("sunlight.build.directory", "target") + "/modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
