package org.sunlight.designer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.identity.OrgChart;
import org.sunlight.identity.Organisation;
import org.sunlight.modeling.ImportProposal;
import org.sunlight.modeling.ModelImport;
import org.sunlight.modeling.ModelRejectedException;
import org.sunlight.system.Columns;
import org.sunlight.system.InvalidParameterException;

/**
 * The import wizard's server side: a flowchart from another tool in, a proposed power out, with
 * pools matched to the organisation's departments and lanes to its posts, by name or id.
 */
@RestController
class ImportController {

	/** The upload limit of models, the same for a file from another tool. */
	private static final int MAX_BYTES = 2 * 1024 * 1024;

	private final ModelImport imports;
	private final Organisation organisation;

	ImportController(ModelImport imports, Organisation organisation) {
		this.imports = imports;
		this.organisation = organisation;
	}

	@PostMapping(path = "/api/designer/imports", consumes = "*/*")
	ImportProposal propose(InputStream body, @RequestParam(name = "process", required = false) String process)
			throws IOException {
		byte[] bytes = body.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw new ModelRejectedException(ModelRejectedException.Reason.TOO_LARGE,
					"the file is larger than the limit of " + MAX_BYTES + " bytes (2 MB)");
		}
		if (process != null && process.length() > Columns.NAME) {
			throw new InvalidParameterException("error.field.tooLong",
					"process is too long: at most " + Columns.NAME + " characters", "process", Columns.NAME);
		}
		OrgChart chart = organisation.chart();
		return imports.propose(bytes, process, new ModelImport.Directory() {

			@Override
			public Optional<String> departmentNamed(String name) {
				return named(chart.departments().stream(), name, OrgChart.Department::id, OrgChart.Department::name);
			}

			@Override
			public Optional<String> postNamed(String name) {
				return named(chart.posts().stream(), name, OrgChart.Post::id, OrgChart.Post::name);
			}

		});
	}

	/** The id of the entry whose name or id is the given one, ignoring case and spaces. */
	private static <T> Optional<String> named(Stream<T> entries, String name, Function<T, String> id,
			Function<T, String> entryName) {
		String wanted = normal(name);
		return entries.filter(entry -> wanted.equals(normal(entryName.apply(entry))) || wanted.equals(normal(id.apply(entry))))
			.map(id)
			.findFirst();
	}

	private static String normal(String text) {
		return text == null ? "" : text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
	}

}
