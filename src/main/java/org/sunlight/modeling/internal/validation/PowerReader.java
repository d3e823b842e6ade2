package org.sunlight.modeling.internal.validation;

import java.util.List;

import org.springframework.stereotype.Component;
import org.sunlight.modeling.PowerDescriber;
import org.sunlight.modeling.PowerDescription;
import org.sunlight.modeling.SlNamespace;
import org.sunlight.modeling.internal.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads the power a model describes: its catalog entry from {@code sl:power} and every user task
 * as a step, in document order. Meant for models that passed validation; on others it reads what
 * it can and leaves the rest {@code null}. A step's risk level is the declared one or, when not
 * declared, the highest level among its risk points.
 */
@Component
public class PowerReader implements PowerDescriber {

	@Override
	public PowerDescription describe(byte[] xml) {
		return read(SafeXml.parseBpmn(xml));
	}

	/** @throws IllegalArgumentException when the model has no executable process */
	public PowerDescription read(Document document) {
		Element process = PowerProcess.find(document.getDocumentElement())
			.orElseThrow(() -> new IllegalArgumentException("the model has no executable process"));
		Element power = Dom.extensions(process, SlNamespace.URI, SlVocabulary.POWER).stream().findFirst().orElse(null);
		List<PowerDescription.Step> steps = UserTasks.of(process).stream().map(PowerReader::step).toList();
		if (power == null) {
			return new PowerDescription(Dom.id(process), Dom.text(process, "name"), null, null, null, null, null, null,
					SlVocabulary.DEFAULT_CALENDAR, true, null, null, null, steps);
		}
		String calendar = Dom.text(power, "calendar");
		return new PowerDescription(Dom.id(process), Dom.text(process, "name"), Dom.text(power, "code"),
				Dom.text(power, "category"), Dom.text(power, "department"), Dom.text(power, "legalBasis"),
				Dom.text(power, "statutoryLimit"), Dom.text(power, "promisedLimit"),
				calendar == null ? SlVocabulary.DEFAULT_CALENDAR : calendar, !"false".equals(Dom.text(power, "public")),
				Dom.text(power, "fee"), Dom.text(power, "warnBefore"), Dom.text(power, "maxExtension"), steps);
	}

	private static PowerDescription.Step step(Element task) {
		Element step = UserTasks.step(task).orElse(null);
		String unsupervised = UserTasks.unsupervised(task);
		String reason = step == null && unsupervised != null && !unsupervised.isBlank() ? unsupervised.trim() : null;
		if (step == null) {
			return new PowerDescription.Step(Dom.id(task), Dom.text(task, "name"), UserTasks.assignee(task),
					UserTasks.candidateGroups(task), null, null, null, null, List.of(), reason);
		}
		Integer riskLevel = UserTasks.level(Dom.attr(step, "riskLevel"))
			.or(() -> UserTasks.highestRiskLevel(step))
			.orElse(null);
		List<PowerDescription.Risk> risks = UserTasks.risks(step)
			.stream()
			.filter(risk -> UserTasks.level(Dom.attr(risk, "level")).isPresent())
			.map(risk -> new PowerDescription.Risk(Dom.text(risk, "code"),
					UserTasks.level(Dom.attr(risk, "level")).orElseThrow(), Dom.text(risk, "description"),
					Dom.text(risk, "measure")))
			.toList();
		return new PowerDescription.Step(Dom.id(task), Dom.text(task, "name"), UserTasks.assignee(task),
				UserTasks.candidateGroups(task), Dom.text(step, "timeLimit"), Dom.text(step, "warnBefore"),
				Dom.text(step, "supervisor"), riskLevel, risks, reason);
	}

}
