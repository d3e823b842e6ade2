package org.sunlight.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.sunlight.audit.AuditCheckpoint;

/**
 * Where the audit key and checkpoint directory come from: set for production (which refuses to
 * start without them), generated once and reused under the demo profile, never too short.
 */
class AuditKeyConfigurationTests {

	@TempDir
	Path dir;

	@Test
	void theDemoProfileGeneratesAnOwnerOnlyKeyFileOnceAndReusesIt() throws Exception {
		Path file = dir.resolve("data/audit.key");
		MockEnvironment demo = demo().withProperty(AuditKeyConfiguration.KEY_FILE, file.toString());

		AuditKey first = AuditKeyConfiguration.key(demo);
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(AuditKey.MIN_BYTES);
		String written = Files.readString(file);
		FileTime modified = Files.getLastModifiedTime(file);

		AuditKey second = AuditKeyConfiguration.key(demo);
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.sign("record")).isEqualTo(first.sign("record"));
		assertThat(Files.readString(file)).isEqualTo(written);
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
		assertThat(Files.list(file.getParent())).containsExactly(file);
	}

	@Test
	void aKeyIsUsedAsConfiguredAndTheSameKeyGivesTheSameHashes() {
		String base64 = Base64.getEncoder().encodeToString(new byte[32]);
		AuditKey configured = AuditKeyConfiguration.key(production().withProperty(AuditKeyConfiguration.KEY, base64));
		assertThat(configured.sign("record")).isEqualTo(new AuditKey(new byte[32]).sign("record"));
		byte[] other = new byte[32];
		other[0] = 1;
		assertThat(configured.sign("record")).isNotEqualTo(new AuditKey(other).sign("record"));
	}

	@Test
	void productionWithoutAKeyRefusesAndSaysWhatToSet() {
		Path file = dir.resolve("audit.key");
		assertThatThrownBy(() -> AuditKeyConfiguration.key(production().withProperty(AuditKeyConfiguration.KEY_FILE,
				file.toString())))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SUNLIGHT_AUDIT_KEY")
			.hasMessageContaining("openssl rand -base64 32");
		// a blank setting is no key either
		assertThatThrownBy(() -> AuditKeyConfiguration.key(production().withProperty(AuditKeyConfiguration.KEY, " ")))
			.hasMessageContaining("SUNLIGHT_AUDIT_KEY");
		assertThat(file).as("production never generates a key").doesNotExist();
	}

	@Test
	void aShortOrMalformedKeyIsRefused() {
		String short31 = Base64.getEncoder().encodeToString(new byte[31]);
		assertThatThrownBy(() -> AuditKeyConfiguration.key(demo().withProperty(AuditKeyConfiguration.KEY, short31)))
			.hasMessageContaining("31 bytes")
			.hasMessageContaining("at least 32");
		assertThatThrownBy(() -> AuditKeyConfiguration.key(production().withProperty(AuditKeyConfiguration.KEY, "not base64!")))
			.hasMessageContaining("not base64");
	}

	@Test
	void productionWithoutACheckpointDirectoryRefusesAndTheDemoUsesData() {
		assertThatThrownBy(() -> AuditKeyConfiguration.checkpointDirectory(production()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SUNLIGHT_AUDIT_CHECKPOINTS");
		Path configured = dir.resolve("checkpoints");
		assertThat(AuditKeyConfiguration.checkpointDirectory(
				production().withProperty(AuditKeyConfiguration.CHECKPOINTS, configured.toString())))
			.isEqualTo(configured)
			.isDirectory();
	}

	@Test
	void aCheckpointSignedWithAnotherKeyOrEditedIsNotSigned() {
		Checkpoints mine = new Checkpoints(dir, new AuditKey(new byte[32]), 2);
		AuditKey other = new AuditKey(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
				20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });
		new Checkpoints(dir, other, 2).write(checkpoint(1, other));
		assertThat(mine.write(checkpoint(2, new AuditKey(new byte[32])))).isTrue();
		assertThat(mine.write(checkpoint(2, new AuditKey(new byte[32])))).as("once per position").isFalse();
		assertThat(mine.read()).extracting(Checkpoints.Read::namedPos, Checkpoints.Read::signed)
			.containsExactly(tuple(1L, false), tuple(2L, true));
		assertThat(mine.latest()).map(c -> c.chainPos()).contains(2L);

		mine.write(checkpoint(3, new AuditKey(new byte[32])));
		mine.prune();
		assertThat(mine.read()).extracting(Checkpoints.Read::namedPos).containsExactly(2L, 3L);
	}

	private static AuditCheckpoint checkpoint(long pos, AuditKey key) {
		return new AuditCheckpoint(pos, "a".repeat(64), 1, Instant.parse("2026-12-03T08:00:00Z"),
				key.id());
	}

	private static MockEnvironment demo() {
		MockEnvironment environment = new MockEnvironment();
		environment.setDefaultProfiles("demo");
		return environment;
	}

	/** Any profile set without demo, as a production node runs. */
	private static MockEnvironment production() {
		MockEnvironment environment = new MockEnvironment();
		environment.setDefaultProfiles("demo");
		environment.setActiveProfiles("postgres");
		return environment;
	}

}
