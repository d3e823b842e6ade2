package org.sunlight.modeling;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.sunlight.modeling.internal.importing.ToolImport;

/**
 * Turns a flowchart drawn in another modelling tool (Camunda Modeler, bpmn.io, Signavio, Bizagi,
 * ARIS, ADONIS, Visio, Activiti, Flowable, …) into a proposed power: what can run in Sunlight is
 * kept, what cannot is dropped with a note, and the four clarities get skeletons to fill in.
 */
@Service
public class ModelImport {

	private final ModelValidator validator;

	ModelImport(ModelValidator validator) {
		this.validator = validator;
	}

	/**
	 * @param processId the process to import, or {@code null}: then the only process with steps,
	 *        or none when the file holds several (the proposal lists them to choose from)
	 * @throws ModelRejectedException for XML that is hostile, malformed or not BPMN
	 * @throws org.sunlight.system.NotFoundException for a process id the file does not hold
	 */
	public ImportProposal propose(byte[] xml, String processId, Directory directory) {
		return ToolImport.propose(xml, processId, directory, proposed -> validator.validate(proposed).problems());
	}

	/** Where the import looks up the organisation: a pool names a department, a lane a post. */
	public interface Directory {

		Optional<String> departmentNamed(String name);

		Optional<String> postNamed(String name);

	}

}
