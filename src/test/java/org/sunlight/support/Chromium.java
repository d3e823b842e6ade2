package org.sunlight.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the machine's own Chromium: browser tests never download one. */
public final class Chromium {

	private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

	private Chromium() {
	}

	public static Optional<Path> find() {
		String configured = System.getenv("CHROMIUM_PATH");
		if (configured != null && Files.isExecutable(Path.of(configured))) {
			return Optional.of(Path.of(configured));
		}
		return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
	}

}
