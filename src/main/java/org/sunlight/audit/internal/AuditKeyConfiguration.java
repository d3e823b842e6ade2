package org.sunlight.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Where the audit key and the checkpoints come from. Outside the demo profile both must be set
 * ({@code SUNLIGHT_AUDIT_KEY}, {@code SUNLIGHT_AUDIT_CHECKPOINTS}) and the node refuses to start
 * without them; the demo profile generates a key file and keeps checkpoints under {@code ./data}.
 */
@Configuration
class AuditKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuditKeyConfiguration.class);

	static final String KEY = "sunlight.audit.key";
	static final String KEY_FILE = "sunlight.audit.key-file";
	static final String CHECKPOINTS = "sunlight.audit.checkpoints";
	static final String CHECKPOINTS_KEPT = "sunlight.audit.checkpoints-kept";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	@Bean
	AuditKey auditKey(Environment environment) {
		return key(environment);
	}

	@Bean
	Checkpoints auditCheckpoints(Environment environment, AuditKey key) {
		return new Checkpoints(checkpointDirectory(environment), key,
				environment.getProperty(CHECKPOINTS_KEPT, Integer.class, 1000));
	}

	static AuditKey key(Environment environment) {
		String configured = environment.getProperty(KEY, "");
		if (!configured.isBlank()) {
			return decode(configured, KEY + " (SUNLIGHT_AUDIT_KEY)");
		}
		if (!demo(environment)) {
			throw new IllegalStateException("No audit key: outside the demo profile Sunlight does not start without"
					+ " one. Set SUNLIGHT_AUDIT_KEY (" + KEY + ") to at least " + AuditKey.MIN_BYTES
					+ " random bytes in base64 (e.g. `openssl rand -base64 32`), the same on every node; keep it"
					+ " out of the database and back it up (docs/security.md, \"Audit trail\").");
		}
		Path file = Path.of(environment.getProperty(KEY_FILE, "./data/audit.key"));
		AuditKey key = decode(readOrCreate(file), file.toString());
		log.warn("Demo profile: the audit chain is keyed with {} (key {}), generated on this machine. A production"
				+ " node sets SUNLIGHT_AUDIT_KEY instead and keeps the key away from the database.", file, key.id());
		return key;
	}

	static Path checkpointDirectory(Environment environment) {
		String configured = environment.getProperty(CHECKPOINTS, "");
		if (configured.isBlank() && !demo(environment)) {
			throw new IllegalStateException("No audit checkpoint directory: outside the demo profile Sunlight does"
					+ " not start without one. Set SUNLIGHT_AUDIT_CHECKPOINTS (" + CHECKPOINTS + ") to a directory"
					+ " that database administrators cannot write, shared by all nodes or one per node, and back it"
					+ " up (docs/security.md, \"Audit trail\").");
		}
		Path directory = Path.of(configured.isBlank() ? "./data/audit-checkpoints" : configured);
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create the audit checkpoint directory " + directory + " ("
					+ CHECKPOINTS + "): " + ex.getMessage(), ex);
		}
		if (!Files.isWritable(directory)) {
			throw new IllegalStateException("The audit checkpoint directory " + directory + " (" + CHECKPOINTS
					+ ") is not writable by this process");
		}
		return directory;
	}

	private static boolean demo(Environment environment) {
		return environment.acceptsProfiles(Profiles.of("demo"));
	}

	private static AuditKey decode(String base64, String source) {
		byte[] secret;
		try {
			secret = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The audit key in " + source + " is not base64: " + ex.getMessage());
		}
		if (secret.length < AuditKey.MIN_BYTES) {
			throw new IllegalStateException("The audit key in " + source + " has " + secret.length
					+ " bytes; it needs at least " + AuditKey.MIN_BYTES + " (e.g. `openssl rand -base64 32`)");
		}
		return new AuditKey(secret);
	}

	/** The demo key file's text; the first start writes it, owner-only, and later starts reuse it. */
	private static String readOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			else if (posix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
				log.warn("The audit key file {} can be read by others than its owner: chmod 600 it", file);
			}
			return Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the demo audit key " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		byte[] secret = new byte[AuditKey.MIN_BYTES];
		new SecureRandom().nextBytes(secret);
		boolean posix = posix(directory);
		Path temp = posix
				? Files.createTempFile(directory, ".audit-key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
				: Files.createTempFile(directory, ".audit-key-", ".tmp");
		Files.writeString(temp, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
		try {
			// Two demo nodes starting together: the first key in place wins and both use it.
			Files.move(temp, file);
			log.warn("Demo profile: generated the audit key {}", file);
		}
		catch (FileAlreadyExistsException ex) {
			Files.delete(temp);
		}
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
