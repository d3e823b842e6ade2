package org.sunlight.system;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Content that people put into Sunlight (models, attachments, exports) is served as a download
 * that a browser never renders or runs in Sunlight's origin: a saved file ({@code attachment}), its
 * declared type only ({@code nosniff}), and, should a browser render it anyway, a sandbox without
 * script, origin or cookies. The app reads such answers with {@code fetch}, which none of this
 * hinders (docs/security.md, "Response headers").
 */
public final class InertDownload {

	/** An opaque origin, no scripts, nothing loaded, and no page may frame it. */
	public static final String SANDBOX_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

	private InertDownload() {
	}

	public static <T> ResponseEntity<T> of(T body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", SANDBOX_POLICY)
			.body(body);
	}

}
