package org.huiying.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The monthly report as files to send on: CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese) and XLSX. */
final class MonthlyFiles {

    private MonthlyFiles() {
    }

    static byte[] csv(MonthlyReport report, ZoneId zone) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(line(List.of("回应客服中心 月度服务报告", report.month()))).append("\r\n");
        for (MonthlyTables.Table table : MonthlyTables.of(report, zone)) {
            out.append("\r\n").append(line(List.of(table.title()))).append("\r\n");
            out.append(line(table.headers())).append("\r\n");
            for (List<Object> row : table.rows()) {
                out.append(line(row)).append("\r\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(MonthlyReport report, ZoneId zone) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            for (MonthlyTables.Table table : MonthlyTables.of(report, zone)) {
                Sheet sheet = book.createSheet(table.title());
                Row first = sheet.createRow(0);
                for (int i = 0; i < table.headers().size(); i++) {
                    Cell cell = first.createCell(i);
                    cell.setCellValue(table.headers().get(i));
                    cell.setCellStyle(header);
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> cells = table.rows().get(r);
                    for (int i = 0; i < cells.size(); i++) {
                        Object value = cells.get(i);
                        if (value instanceof Number n) {
                            row.createCell(i).setCellValue(n.doubleValue());
                        } else if (value != null) {
                            row.createCell(i).setCellValue(value.toString());
                        }
                    }
                }
                for (int i = 0; i < table.headers().size(); i++) {
                    sheet.setColumnWidth(i, 16 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        return line.toString();
    }

    /** Quoted when needed; text a spreadsheet would run as a formula gets a leading quote. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString(d.longValue()) : value.toString();
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
