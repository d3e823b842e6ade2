package org.sunlight.risk.internal;

import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.lowagie.text.pdf.BaseFont;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.identity.Organisation;
import org.sunlight.identity.SupervisionScope;
import org.sunlight.risk.RiskFilter;
import org.sunlight.risk.RiskGroup;
import org.sunlight.risk.RiskView;
import org.sunlight.system.InertDownload;
import org.sunlight.system.ProblemResponses;

/**
 * {@code /api/risks}: the registers by post, by department and for the unit, as JSON, XLSX and
 * PDF, limited to the departments the caller supervises, leads or draws (everything for
 * administrators and unit-wide supervisors).
 */
@RestController
@RequestMapping("/api/risks")
class RiskController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final RiskRegister register;
	private final Organisation organisation;
	private final CjkFont font;
	private final MessageSource messages;

	RiskController(RiskRegister register, Organisation organisation, CjkFont font, MessageSource messages) {
		this.register = register;
		this.organisation = organisation;
		this.font = font;
		this.messages = messages;
	}

	/** A register as the page shows it. */
	record Register(RiskView view, String title, int total, List<RiskGroup> groups) {
	}

	/**
	 * The request's choice of register: {@code view} and the filters, as query parameters, all
	 * optional (see docs/risk-register.md).
	 */
	record Query(String view, String department, String level, String status, String power, String q) {
	}

	@GetMapping
	Register register(Query query, Authentication caller) {
		RiskView view = RiskView.of(query.view());
		List<RiskGroup> groups = register.view(view, filter(caller, query));
		int total = (int) groups.stream().flatMap(g -> g.points().stream()).mapToLong(p -> p.id()).distinct().count();
		return new Register(view, view.title(), total, groups);
	}

	@GetMapping("/register.xlsx")
	ResponseEntity<byte[]> xlsx(Query query, Authentication caller) {
		RiskView view = RiskView.of(query.view());
		List<RiskGroup> groups = register.view(view, filter(caller, query));
		return InertDownload.of(RegisterExport.xlsx(view, groups), MediaType.parseMediaType(XLSX), fileName(view, "xlsx"));
	}

	@GetMapping("/register.pdf")
	ResponseEntity<byte[]> pdf(Query query, Authentication caller) {
		RiskView view = RiskView.of(query.view());
		RiskFilter filter = filter(caller, query);
		BaseFont base = font.font().orElseThrow(() -> new NoCjkFontException(font.candidates()));
		List<RiskGroup> groups = register.view(view, filter);
		String printedAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(ClockUtil.getCurrentTime().toInstant().atZone(RegisterExport.CHINA));
		return InertDownload.of(RegisterExport.pdf(view, groups, base, printedAt), MediaType.APPLICATION_PDF,
				fileName(view, "pdf"));
	}

	/** Without a CJK font a PDF would show empty boxes: the server cannot print, and says so. */
	static final class NoCjkFontException extends RuntimeException {

		private final List<String> looked;

		NoCjkFontException(List<String> looked) {
			super("no CJK font found at " + looked);
			this.looked = looked;
		}

	}

	@ExceptionHandler(NoCjkFontException.class)
	ResponseEntity<ProblemDetail> noFont(NoCjkFontException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		String detail = messages.getMessage("error.risk.noCjkFont", new Object[] { String.join(", ", ex.looked) },
				ex.getMessage(), locale);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.of(HttpStatus.SERVICE_UNAVAILABLE, detail));
	}

	/** The caller's departments (null: all), narrowed to one when asked; another department is 403. */
	private RiskFilter filter(Authentication caller, Query query) {
		String department = query.department();
		SupervisionScope watched = organisation.consoleScope(caller.getName());
		SupervisionScope drawn = organisation.drawingScope(caller.getName());
		Set<String> departments = null;
		if (!watched.all() && !drawn.all()) {
			departments = new HashSet<>(watched.departments());
			departments.addAll(drawn.departments());
		}
		if (department != null && !department.isBlank()) {
			String one = department.trim();
			if (departments != null && !departments.contains(one)) {
				throw new AccessDeniedException("you do not supervise, lead or draw department "
						+ org.sunlight.system.InvalidParameterException.echo(one));
			}
			departments = Set.of(one);
		}
		return RiskFilter.of(departments, query.level(), query.status(), query.power(), query.q());
	}

	private static String fileName(RiskView view, String extension) {
		return "sunlight-risk-register-" + view.name().toLowerCase(Locale.ROOT) + "-"
				+ ClockUtil.getCurrentTime().toInstant().atZone(RegisterExport.CHINA).toLocalDate() + "." + extension;
	}

}
