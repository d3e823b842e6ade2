package org.sunlight.risk.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.sunlight.risk.RiskGroup;
import org.sunlight.risk.RiskLevel;
import org.sunlight.risk.RiskPoint;
import org.sunlight.risk.RiskStatus;
import org.sunlight.risk.RiskView;

/**
 * A register as a workbook (one sheet per post or department, one for the unit) and as a printable
 * A4 landscape PDF (one table per group). Both have the same columns, {@link #HEADERS}.
 */
final class RegisterExport {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final List<String> HEADERS = List.of("序号", "编号", "权力事项", "环节", "岗位", "部门", "风险描述", "风险等级", "防控措施",
			"责任领导", "状态", "最近审核");

	/** Relative widths of the PDF's columns: the descriptions and measures get the room. */
	private static final float[] WIDTHS = { 3, 7, 9, 6, 8, 7, 17, 5, 17, 8, 5, 8 };

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private RegisterExport() {
	}

	/** A row's cells as text, in the order of {@link #HEADERS}. */
	static List<String> cells(int number, RiskPoint point) {
		return List.of(String.valueOf(number), text(point.code()), point.powerName(), text(point.stepName()),
				point.posts().stream().map(RiskPoint.Named::name).collect(Collectors.joining("、")),
				text(point.departmentName()), text(point.description()), RiskLevel.label(point.level()),
				text(point.measure()), point.owners().stream().map(RiskPoint.Named::name).collect(Collectors.joining("、")),
				point.status() == RiskStatus.ACTIVE ? "在用" : "已撤销（第" + point.retiredVersion() + "版）",
				point.reviewedAt() == null ? "" : DAY.format(point.reviewedAt().atZoneSameInstant(CHINA)));
	}

	static String heading(RiskView view, RiskGroup group) {
		return switch (view) {
			case UNIT -> view.title();
			case DEPARTMENT -> view.title() + "：" + group.name();
			case POST -> view.title() + "：" + (group.name() == null ? "未指定岗位" : group.name())
					+ (group.departmentName() == null ? "" : "（" + group.departmentName() + "）");
		};
	}

	static byte[] xlsx(RiskView view, List<RiskGroup> groups) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(bytes, "Sunlight", "1.0");
			Set<String> sheetNames = new HashSet<>();
			if (groups.isEmpty()) {
				sheet(workbook.newWorksheet(view.title()), view.title(), List.of());
			}
			for (RiskGroup group : groups) {
				String name = view == RiskView.UNIT ? view.title()
						: sheetName(group.name() == null ? "未指定岗位" : group.name(), sheetNames);
				sheet(workbook.newWorksheet(name), heading(view, group), group.points());
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void sheet(Worksheet sheet, String heading, List<RiskPoint> points) {
		sheet.value(0, 0, heading);
		sheet.style(0, 0).bold().fontSize(14).set();
		for (int c = 0; c < HEADERS.size(); c++) {
			sheet.value(1, c, HEADERS.get(c));
			sheet.style(1, c).bold().fillColor("EEEEEE").set();
		}
		for (int i = 0; i < points.size(); i++) {
			RiskPoint point = points.get(i);
			List<String> cells = cells(i + 1, point);
			int row = i + 2;
			for (int c = 0; c < cells.size(); c++) {
				// Strings only: a description starting with = stays text (fastexcel writes no formula).
				sheet.value(row, c, cells.get(c));
			}
			sheet.style(row, 7).fillColor(RiskLevel.colour(point.level())).fontColor(RiskLevel.textColour(point.level()))
				.set();
		}
		sheet.width(6, 40);
		sheet.width(8, 40);
	}

	/** Sheet names are at most 31 characters, without {@code []:*?/\}, and unique in a workbook. */
	static String sheetName(String name, Set<String> taken) {
		String clean = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
		String base = clean.length() > 28 ? clean.substring(0, 28) : clean;
		String candidate = base;
		for (int n = 2; !taken.add(candidate); n++) {
			candidate = base + "(" + n + ")";
		}
		return candidate;
	}

	static byte[] pdf(RiskView view, List<RiskGroup> groups, BaseFont base, String printedAt) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4.rotate(), 24, 24, 28, 28);
		PdfWriter.getInstance(document, bytes);
		document.addTitle(view.title());
		document.addCreator("Sunlight");
		document.open();
		Font title = new Font(base, 14, Font.BOLD);
		Font small = new Font(base, 7);
		Font header = new Font(base, 7.5f, Font.BOLD);
		if (groups.isEmpty()) {
			document.add(new Paragraph(view.title(), title));
			document.add(new Paragraph("没有符合条件的风险点", small));
		}
		boolean first = true;
		for (RiskGroup group : groups) {
			if (!first) {
				document.newPage();
			}
			first = false;
			Paragraph heading = new Paragraph(heading(view, group), title);
			heading.setAlignment(Element.ALIGN_CENTER);
			document.add(heading);
			Paragraph meta = new Paragraph("共 " + group.points().size() + " 个风险点　打印时间 " + printedAt, small);
			meta.setAlignment(Element.ALIGN_RIGHT);
			meta.setSpacingAfter(4);
			document.add(meta);
			PdfPTable table = new PdfPTable(WIDTHS);
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String h : HEADERS) {
				PdfPCell cell = new PdfPCell(new Phrase(h, header));
				cell.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
				table.addCell(cell);
			}
			for (int i = 0; i < group.points().size(); i++) {
				RiskPoint point = group.points().get(i);
				List<String> cells = cells(i + 1, point);
				for (int c = 0; c < cells.size(); c++) {
					PdfPCell cell;
					if (c == 7) {
						cell = new PdfPCell(new Phrase(cells.get(c),
								new Font(base, 7.5f, Font.BOLD, Color.decode("#" + RiskLevel.textColour(point.level())))));
						cell.setBackgroundColor(Color.decode("#" + RiskLevel.colour(point.level())));
						cell.setHorizontalAlignment(Element.ALIGN_CENTER);
					}
					else {
						cell = new PdfPCell(new Phrase(cells.get(c), small));
					}
					table.addCell(cell);
				}
			}
			document.add(table);
		}
		document.close();
		return bytes.toByteArray();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
