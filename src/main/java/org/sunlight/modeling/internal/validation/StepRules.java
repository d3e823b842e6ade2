package org.sunlight.modeling.internal.validation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sunlight.modeling.SlNamespace;
import org.w3c.dom.Element;

/**
 * The four clarities of every user task (responsible person, time limit, supervisor; the
 * procedure is the diagram) and its risk points.
 */
final class StepRules {

	private static final Pattern SUPERVISOR = Pattern.compile("(user|group):\\S+");

	private StepRules() {
	}

	static void check(Element process, Problems problems) {
		for (Element task : UserTasks.of(process)) {
			checkTask(task, problems);
		}
	}

	private static void checkTask(Element task, Problems problems) {
		if (!UserTasks.hasResponsible(task)) {
			problems.add(ProblemCode.MISSING_RESPONSIBLE, task);
		}
		List<Element> steps = Dom.extensions(task, SlNamespace.URI, SlVocabulary.STEP);
		String unsupervised = UserTasks.unsupervised(task);
		if (steps.isEmpty()) {
			if (unsupervised == null) {
				problems.add(ProblemCode.MISSING_STEP, task);
			}
			else if (unsupervised.isBlank()) {
				problems.add(ProblemCode.UNSUPERVISED_WITHOUT_REASON, task);
			}
			else {
				problems.add(ProblemCode.UNSUPERVISED_STEP, task, unsupervised.trim());
			}
			return;
		}
		if (steps.size() > 1) {
			problems.add(ProblemCode.DUPLICATE_STEP, task, steps.size());
		}
		if (unsupervised != null) {
			problems.add(ProblemCode.UNSUPERVISED_WITH_STEP, task);
		}
		Element step = steps.get(0);
		checkTimes(task, step, problems);
		checkSupervisor(task, step, problems);
		checkRisks(task, step, problems);
	}

	private static void checkTimes(Element task, Element step, Problems problems) {
		String limitText = Dom.attr(step, "timeLimit");
		if (Dom.isBlank(limitText)) {
			problems.add(ProblemCode.MISSING_TIME_LIMIT, task);
		}
		Optional<SlDuration> limit = Dom.isBlank(limitText) ? Optional.empty()
				: PowerRules.duration(task, "timeLimit", limitText, problems);
		Optional<SlDuration> warnBefore = PowerRules.duration(task, "warnBefore", Dom.attr(step, "warnBefore"),
				problems);
		if (limit.isPresent() && warnBefore.isPresent() && warnBefore.get().compareTo(limit.get()) >= 0) {
			problems.add(ProblemCode.WARN_BEFORE_NOT_SHORTER, task, warnBefore.get().text(), limit.get().text());
		}
	}

	private static void checkSupervisor(Element task, Element step, Problems problems) {
		String supervisor = Dom.text(step, "supervisor");
		if (supervisor == null) {
			problems.add(ProblemCode.MISSING_SUPERVISOR, task);
			return;
		}
		if (!SUPERVISOR.matcher(supervisor).matches()) {
			problems.add(ProblemCode.INVALID_SUPERVISOR, task, supervisor);
			return;
		}
		if (isResponsible(task, supervisor)) {
			problems.add(ProblemCode.SAME_RESPONSIBLE_AND_SUPERVISOR, task, supervisor);
		}
	}

	/** Whether the supervisor is the task's assignee, one of its candidate users or one of its posts. */
	private static boolean isResponsible(Element task, String supervisor) {
		String id = supervisor.substring(supervisor.indexOf(':') + 1);
		if (supervisor.startsWith("group:")) {
			return UserTasks.candidateGroups(task).contains(id);
		}
		return id.equals(UserTasks.assignee(task)) || UserTasks.candidateUsers(task).contains(id);
	}

	private static void checkRisks(Element task, Element step, Problems problems) {
		String riskLevelText = Dom.attr(step, "riskLevel");
		Optional<Integer> riskLevel = UserTasks.level(riskLevelText);
		if (riskLevelText != null && riskLevel.isEmpty()) {
			problems.add(ProblemCode.INVALID_RISK_LEVEL, task, riskLevelText, "riskLevel");
		}
		for (Element risk : UserTasks.risks(step)) {
			String code = Dom.text(risk, "code");
			String which = code == null ? "sl:risk" : "sl:risk " + code;
			String level = Dom.attr(risk, "level");
			if (UserTasks.level(level).isEmpty()) {
				problems.add(ProblemCode.INVALID_RISK_LEVEL, task, level == null ? "" : level, which);
			}
			if (Dom.text(risk, "measure") == null) {
				problems.add(ProblemCode.RISK_WITHOUT_MEASURE, task, which);
			}
			if (Dom.text(risk, "description") == null) {
				problems.add(ProblemCode.RISK_WITHOUT_DESCRIPTION, task, which);
			}
		}
		Optional<Integer> highest = UserTasks.highestRiskLevel(step);
		if (riskLevel.isPresent() && highest.isPresent() && !riskLevel.equals(highest)) {
			problems.add(ProblemCode.RISK_LEVEL_INCONSISTENT, task, riskLevel.get(), highest.get());
		}
	}

}
