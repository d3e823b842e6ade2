package org.sunlight.stats.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.sunlight.stats.StatRow;

/** Statistics as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese) and XLSX. */
public final class StatisticsExport {

	public static final List<String> HEADERS = List.of("分组", "名称", "完成环节", "超时环节", "环节按时率", "黄色预警", "红色警告",
			"查实过错", "办结案件", "按时办结", "案件按时率");

	private StatisticsExport() {
	}

	public static byte[] csv(List<StatRow> rows) {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append(String.join(",", HEADERS)).append("\r\n");
		for (StatRow r : rows) {
			out.append(String.join(",", cell(r.key()), cell(r.name()), Long.toString(r.steps()),
					Long.toString(r.overruns()), rate(r.onTimeRate()), Long.toString(r.yellow()), Long.toString(r.red()),
					Long.toString(r.faults()), Long.toString(r.cases()), Long.toString(r.casesOnTime()),
					rate(r.caseOnTimeRate())))
				.append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] xlsx(List<StatRow> rows, String sheetName) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(bytes, "Sunlight", "1.0");
			Worksheet sheet = workbook.newWorksheet(sheetName);
			for (int c = 0; c < HEADERS.size(); c++) {
				sheet.value(0, c, HEADERS.get(c));
				sheet.style(0, c).bold().set();
			}
			int row = 1;
			for (StatRow r : rows) {
				sheet.value(row, 0, r.key());
				sheet.value(row, 1, r.name());
				sheet.value(row, 2, r.steps());
				sheet.value(row, 3, r.overruns());
				sheet.value(row, 4, r.onTimeRate());
				sheet.style(row, 4).format("0.0%").set();
				sheet.value(row, 5, r.yellow());
				sheet.value(row, 6, r.red());
				sheet.value(row, 7, r.faults());
				sheet.value(row, 8, r.cases());
				sheet.value(row, 9, r.casesOnTime());
				sheet.value(row, 10, r.caseOnTimeRate());
				sheet.style(row, 10).format("0.0%").set();
				row++;
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** Quoted when needed; a text that a spreadsheet would run as a formula stays text. */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String text = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
		return text.contains(",") || text.contains("\"") || text.contains("\n")
				? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	private static String rate(double rate) {
		return String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
	}

}
