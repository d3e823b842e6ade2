package org.sunlight.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sunlight.audit.AuditCheckpoint;

/**
 * Signed checkpoints of the chain's head, one file per chain position in a directory outside the
 * database ({@code checkpoint-<position>.json}). A position's file is written once: nodes sharing
 * the directory that checkpoint the same head write the same position and hash, so whichever
 * rename lands last changes nothing that matters. Only the newest {@code kept} files stay.
 */
public class Checkpoints {

	private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{19})\\.json");
	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path directory;
	private final AuditKey key;
	private final int kept;

	public Checkpoints(Path directory, AuditKey key, int kept) {
		this.directory = directory;
		this.key = key;
		this.kept = kept;
	}

	public Path directory() {
		return directory;
	}

	/** A checkpoint file as read back: {@code checkpoint} is null when unreadable. */
	public record Read(String file, long namedPos, AuditCheckpoint checkpoint, boolean signed) {
	}

	/** Writes a checkpoint unless its position has one already; true when this call wrote it. */
	public boolean write(AuditCheckpoint checkpoint) {
		Path target = directory.resolve(name(checkpoint.chainPos()));
		if (Files.exists(target)) {
			return false;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("chainPos", checkpoint.chainPos());
		body.put("hash", checkpoint.hash());
		body.put("keyedFrom", checkpoint.keyedFrom());
		body.put("at", DateTimeFormatter.ISO_INSTANT.format(checkpoint.at()));
		body.put("keyId", checkpoint.keyId());
		body.put("signature", key.sign(text(checkpoint)));
		try {
			Path temp = Files.createTempFile(directory, ".checkpoint-", ".tmp");
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(body)));
				channel.force(true);
			}
			// A whole file or none: a reader never sees half a checkpoint.
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the audit checkpoint " + target, ex);
		}
	}

	/** Every checkpoint file, oldest position first, with whether this node's key signed it. */
	public List<Read> read() {
		List<Read> all = new ArrayList<>();
		for (Path file : files()) {
			read(file).ifPresent(all::add);
		}
		return all;
	}

	/** The newest checkpoint signed with this node's key; reads back from the newest file only as far as needed. */
	public Optional<AuditCheckpoint> latest() {
		List<Path> files = files();
		for (int i = files.size() - 1; i >= 0; i--) {
			Optional<Read> read = read(files.get(i));
			if (read.isPresent() && read.get().signed()) {
				return Optional.of(read.get().checkpoint());
			}
		}
		return Optional.empty();
	}

	/** Empty when the file was pruned by another node since the listing. */
	private Optional<Read> read(Path file) {
		Matcher name = NAME.matcher(file.getFileName().toString());
		name.matches();
		long namedPos = Long.parseLong(name.group(1));
		Map<String, Object> body = body(file);
		if (body == null) {
			return Optional.empty();
		}
		AuditCheckpoint checkpoint = parse(body);
		boolean signed = checkpoint != null && checkpoint.chainPos() == namedPos
				&& body.get("signature") instanceof String signature && key.signed(text(checkpoint), signature);
		return Optional.of(new Read(file.getFileName().toString(), namedPos, checkpoint, signed));
	}

	/** Removes all but the newest {@code kept} checkpoints. */
	public void prune() {
		List<Path> files = files();
		for (Path old : files.subList(0, Math.max(0, files.size() - kept))) {
			try {
				Files.deleteIfExists(old);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot remove the old audit checkpoint " + old, ex);
			}
		}
	}

	/** What the signature covers. */
	static String text(AuditCheckpoint c) {
		return String.join("\n", "sunlight-audit-checkpoint", Long.toString(c.chainPos()), c.hash(),
				Long.toString(c.keyedFrom()), DateTimeFormatter.ISO_INSTANT.format(c.at()));
	}

	static String name(long chainPos) {
		return String.format("checkpoint-%019d.json", chainPos);
	}

	private List<Path> files() {
		try (Stream<Path> listing = Files.list(directory)) {
			return listing.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the audit checkpoints in " + directory, ex);
		}
	}

	private static AuditCheckpoint parse(Map<String, Object> body) {
		try {
			return new AuditCheckpoint(((Number) body.get("chainPos")).longValue(), (String) body.get("hash"),
					((Number) body.get("keyedFrom")).longValue(), Instant.parse((String) body.get("at")),
					(String) body.get("keyId"));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The file's JSON; empty when it is not JSON, null when it is gone. */
	private static Map<String, Object> body(Path file) {
		try {
			Map<String, Object> body = JSON.readerForMapOf(Object.class)
				.readValue(Files.readString(file, StandardCharsets.UTF_8));
			return body == null ? Map.of() : body;
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (JsonProcessingException ex) {
			return Map.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the audit checkpoint " + file, ex);
		}
	}

}
