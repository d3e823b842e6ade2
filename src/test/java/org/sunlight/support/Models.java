package org.sunlight.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads model fixtures from the test classpath. */
public final class Models {

	private Models() {
	}

	public static String text(String path) {
		try (InputStream in = Models.class.getResourceAsStream("/models/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture /models/" + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] bytes(String path) {
		return text(path).getBytes(StandardCharsets.UTF_8);
	}

}
