package org.sunlight.designer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reengineering comparison of two deployed versions of a power (docs/designer.md). */
@RestController
class ComparisonController {

	private final Reengineering reengineering;

	ComparisonController(Reengineering reengineering) {
		this.reengineering = reengineering;
	}

	@GetMapping("/api/designer/powers/{code}/comparison")
	Comparison compare(@PathVariable String code, @RequestParam int from, @RequestParam int to) {
		return reengineering.compare(code, from, to);
	}

}
