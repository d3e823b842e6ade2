package org.sunlight.modeling.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunlight.modeling.internal.compiler.SupervisionCompiler;

/**
 * Two sample powers of {@code processes/} compile to their golden files byte for byte, so any
 * change to the compiler's output, or to those samples, shows up as a diff to review. After
 * reviewing it, rewrite the golden files with
 * {@code mvn -Dskip.npm test -Dtest=GoldenFilesTests -Dsunlight.golden.update=true}.
 */
class GoldenFilesTests {

	private static final Path SAMPLES = Path.of("processes");
	private static final Path GOLDEN = Path.of("src/test/resources/models/compiler/golden");

	@ParameterizedTest
	@ValueSource(strings = { "land-use-approval", "government-procurement" })
	void compilesTheSampleToItsGoldenFile(String sample) throws IOException {
		byte[] compiled = new SupervisionCompiler().compile(Files.readAllBytes(SAMPLES.resolve(sample + ".bpmn")));
		Path golden = GOLDEN.resolve(sample + ".compiled.bpmn");
		if (Boolean.getBoolean("sunlight.golden.update")) {
			Files.createDirectories(GOLDEN);
			Files.write(golden, compiled);
		}

		assertThat(golden).as("golden file; create it with -Dsunlight.golden.update=true").exists();
		assertThat(new String(compiled, StandardCharsets.UTF_8)).isEqualTo(Files.readString(golden));
		assertThat(compiled).isEqualTo(Files.readAllBytes(golden));
	}

}
