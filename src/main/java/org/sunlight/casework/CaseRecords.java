package org.sunlight.casework;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.casework.internal.AttachmentStore;
import org.sunlight.casework.internal.AttachmentStore.AttachmentRow;
import org.sunlight.casework.internal.CaseStore;
import org.sunlight.casework.internal.CaseStore.CaseRow;
import org.sunlight.system.NotFoundException;

/**
 * What is kept with a case besides its steps: comments (Camunda's task comments, on the case) and
 * attachments (Sunlight's table, checked for size and for a kind whose content matches its name).
 * Handlers read and add them only on cases they work on: they started it, held one of its steps,
 * or one of its open steps is offered to their posts.
 */
@Service
public class CaseRecords {

	static final int MAX_COMMENT = 4000;
	static final int MAX_NAME = 255;

	/** The kinds of file a case keeps, each with the first bytes its content must start with. */
	private static final Map<String, byte[]> SIGNATURES = Map.of(
			"application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII),
			"image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' },
			"image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF },
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] { 'P', 'K', 3, 4 },
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] { 'P', 'K', 3, 4 },
			"application/msword", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 },
			"application/vnd.ms-excel", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 },
			"text/plain", new byte[0]);

	private final CaseStore cases;
	private final AttachmentStore attachments;
	private final TaskService tasks;
	private final HistoryService history;
	private final IdentityService identity;
	private final long maxBytes;

	CaseRecords(CaseStore cases, AttachmentStore attachments, TaskService tasks, HistoryService history,
			IdentityService identity, @Value("${sunlight.casework.attachment-max-bytes:10485760}") long maxBytes) {
		this.cases = cases;
		this.attachments = attachments;
		this.tasks = tasks;
		this.history = history;
		this.identity = identity;
		this.maxBytes = maxBytes;
	}

	public record CommentView(String id, String author, OffsetDateTime time, String message, String taskId,
			String stepName) {
	}

	public record AttachmentView(String id, String name, String contentType, long size, String sha256, String taskId,
			String stepName, String uploadedBy, OffsetDateTime uploadedAt) {

		static AttachmentView of(AttachmentRow row) {
			return new AttachmentView(row.id(), row.name(), row.contentType(), row.size(), row.sha256(), row.taskId(),
					row.stepName(), row.uploadedBy(), CaseViews.at(row.uploadedAt()));
		}

	}

	public record Download(AttachmentView attachment, byte[] content) {
	}

	public long maxBytes() {
		return maxBytes;
	}

	public List<String> allowedTypes() {
		return SIGNATURES.keySet().stream().sorted().toList();
	}

	public List<CommentView> comments(String caseId, String user, boolean seesAll) {
		involved(caseId, user, seesAll);
		Map<String, HistoricTaskInstance> steps = steps(caseId);
		return tasks.getProcessInstanceComments(caseId)
			.stream()
			.sorted((a, b) -> a.getTime().compareTo(b.getTime()))
			.map(c -> comment(c, steps))
			.toList();
	}

	@Transactional
	public CommentView comment(String caseId, String taskId, String message, String user) {
		if (message == null || message.isBlank()) {
			throw new IllegalArgumentException("message is required");
		}
		if (message.length() > MAX_COMMENT) {
			throw new IllegalArgumentException("message is longer than " + MAX_COMMENT + " characters");
		}
		involved(caseId, user, false);
		String onTask = openTaskOfCase(caseId, taskId);
		identity.setAuthenticatedUserId(user);
		Comment comment;
		try {
			comment = tasks.createComment(onTask, caseId, message.trim());
		}
		finally {
			identity.clearAuthentication();
		}
		return comment(comment, steps(caseId));
	}

	public List<AttachmentView> attachments(String caseId, String user, boolean seesAll) {
		involved(caseId, user, seesAll);
		return attachments.ofCase(caseId).stream().map(AttachmentView::of).toList();
	}

	/**
	 * Keeps a file with the case. Refuses (and keeps nothing): a file above the size limit (413),
	 * a kind not on the list or content that does not match its kind (415), no name or no content (400).
	 */
	@Transactional
	public AttachmentView attach(String caseId, String taskId, String name, String contentType, long declaredLength,
			InputStream body, String user) throws IOException {
		involved(caseId, user, false);
		String cleanName = name(name);
		if (declaredLength > maxBytes) {
			throw tooLarge();
		}
		String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
		byte[] signature = SIGNATURES.get(type);
		if (signature == null) {
			throw new AttachmentRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "files of type '" + type
					+ "' are not kept; allowed: " + allowedTypes());
		}
		byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
		if (content.length > maxBytes) {
			throw tooLarge();
		}
		if (content.length == 0) {
			throw new IllegalArgumentException("the file is empty");
		}
		if (!matches(type, signature, content)) {
			throw new AttachmentRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"the content of '" + cleanName + "' is not " + type);
		}
		String onTask = openTaskOfCase(caseId, taskId);
		String stepName = onTask == null ? null : tasks.createTaskQuery().taskId(onTask).singleResult().getName();
		AttachmentRow row = new AttachmentRow(UUID.randomUUID().toString(), caseId, onTask, stepName, cleanName, type,
				content.length, sha256(content), user, ClockUtil.getCurrentTime().toInstant());
		attachments.insert(row, content);
		return AttachmentView.of(row);
	}

	public Download download(String caseId, String attachmentId, String user, boolean seesAll) {
		involved(caseId, user, seesAll);
		AttachmentRow row = attachments.find(caseId, attachmentId)
			.orElseThrow(() -> new NotFoundException("case " + caseId + " has no attachment " + attachmentId));
		return new Download(AttachmentView.of(row), attachments.content(row.id()));
	}

	/** Refuses unknown cases (404) and handlers with nothing to do with the case (403). */
	public CaseRow involved(String caseId, String user, boolean seesAll) {
		CaseRow row = cases.find(caseId).orElseThrow(() -> new NotFoundException("no case with id " + caseId));
		if (seesAll || user.equals(row.startedBy())
				|| history.createHistoricTaskInstanceQuery().processInstanceId(caseId).taskAssignee(user).count() > 0
				|| tasks.createTaskQuery().processInstanceId(caseId).taskCandidateUser(user).count() > 0) {
			return row;
		}
		throw new AccessDeniedException("you have no step in case " + row.caseNumber());
	}

	private String openTaskOfCase(String caseId, String taskId) {
		if (taskId == null || taskId.isBlank()) {
			return null;
		}
		if (tasks.createTaskQuery().taskId(taskId).processInstanceId(caseId).count() == 0) {
			throw new IllegalArgumentException("task " + taskId + " is not an open step of case " + caseId);
		}
		return taskId;
	}

	private Map<String, HistoricTaskInstance> steps(String caseId) {
		return history.createHistoricTaskInstanceQuery()
			.processInstanceId(caseId)
			.list()
			.stream()
			.collect(Collectors.toMap(HistoricTaskInstance::getId, Function.identity()));
	}

	private static CommentView comment(Comment comment, Map<String, HistoricTaskInstance> steps) {
		HistoricTaskInstance step = comment.getTaskId() == null ? null : steps.get(comment.getTaskId());
		return new CommentView(comment.getId(), comment.getUserId(), CaseViews.at(comment.getTime().toInstant()),
				comment.getFullMessage(), comment.getTaskId(), step == null ? null : step.getName());
	}

	private AttachmentRefusedException tooLarge() {
		return new AttachmentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE,
				"the file is larger than the limit of " + maxBytes + " bytes (" + maxBytes / (1024 * 1024) + " MB)");
	}

	private static String name(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name is required: the file's name, e.g. 申请书.pdf");
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).trim();
		if (base.isEmpty() || base.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("name '" + name + "' is not a file name");
		}
		if (base.length() > MAX_NAME) {
			throw new IllegalArgumentException("name is longer than " + MAX_NAME + " characters");
		}
		return base;
	}

	private static boolean matches(String type, byte[] signature, byte[] content) {
		if (type.equals("text/plain")) {
			try {
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(content));
			}
			catch (CharacterCodingException ex) {
				return false;
			}
			for (byte b : content) {
				if (b == 0) {
					return false;
				}
			}
			return true;
		}
		if (content.length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if (content[i] != signature[i]) {
				return false;
			}
		}
		return true;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
