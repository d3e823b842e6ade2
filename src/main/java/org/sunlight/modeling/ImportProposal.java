package org.sunlight.modeling;

import java.util.List;

/**
 * What Sunlight proposes for a flowchart drawn in another tool: the processes the file holds, and
 * for the one chosen ({@code processId}) the proposed power ({@code xml}, {@code null} until a
 * process is chosen), whether it has a diagram to show ({@code drawn}; without one the designer
 * lays it out), what was changed or dropped and why ({@code notes}), and the validator's problems
 * that remain for the designer to settle.
 */
public record ImportProposal(List<ImportedProcess> processes, String processId, String xml, boolean drawn,
		List<ImportNote> notes, List<Problem> problems) {

	public ImportProposal {
		processes = List.copyOf(processes);
		notes = List.copyOf(notes);
		problems = List.copyOf(problems);
	}

	/** A process of the file: its pool (participant) name when it has one, and what it holds. */
	public record ImportedProcess(String id, String name, String pool, int tasks, int lanes) {
	}

	/**
	 * One change the import made. {@code code} says what ({@link Change}), {@code elementId} and
	 * {@code elementName} where, {@code detail} the name involved (the original element type, the
	 * dropped attribute, the post a lane became); the designer words them in the user's language.
	 */
	public record ImportNote(Change code, String elementId, String elementName, String detail) {
	}

	public enum Change {
		/** Another process of the file (or a pool without a process) was left out. */
		PROCESS_LEFT_OUT,
		/** A message flow between pools, which one power cannot have. */
		MESSAGE_FLOW_DROPPED,
		/** A root element of another kind (an import, a choreography, …). */
		ROOT_ELEMENT_DROPPED,
		/** An abstract, service, script, send, receive, manual, business-rule task or call activity became a user task. */
		TASK_BECAME_USER_TASK,
		/** Something that would run code or call out: a script, a class, an expression, a connector. */
		IMPLEMENTATION_DROPPED,
		/** A vendor's extension element (Signavio metadata, Bizagi properties, …). */
		VENDOR_EXTENSION_DROPPED,
		/** A vendor's attribute. */
		VENDOR_ATTRIBUTE_DROPPED,
		/** A vendor's candidate groups or assignee kept as Camunda's, which Sunlight reads. */
		ASSIGNMENT_KEPT,
		/** A condition in a script language, or in words: words become the flow's name. */
		CONDITION_DROPPED,
		/** A lane became the post responsible for its tasks; detail is the post's id. */
		LANE_BECAME_POST,
		/** A lane whose name matches no post: detail is the new post's id, to be created or changed. */
		LANE_BECAME_NEW_POST,
		/** The pool matched a department of the organisation; detail is its id. */
		POOL_BECAME_DEPARTMENT,
		/** The pool's name matches no department; the designer picks one. */
		POOL_UNMATCHED,
		/** A step skeleton (sl:step) was added to a user task, for the designer to fill in. */
		STEP_ADDED,
		/** The power's catalog entry (sl:power) was added, for the designer to fill in. */
		POWER_ADDED,
		/** The file has no diagram of the process; the designer lays one out. */
		NO_DIAGRAM
	}

}
