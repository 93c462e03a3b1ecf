package org.huiying.server.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.huiying.routing.Category;

/**
 * The monthly report as the tables the regional office reads, in Chinese: one source for the CSV file
 * (tables one after another) and the workbook (a sheet each), so both say exactly the same. Cells are
 * strings, numbers or null (no data).
 */
final class MonthlyTables {

    record Table(String title, List<String> headers, List<List<Object>> rows) {
    }

    static final Map<String, String> TYPES = Map.of("ALL", "全部", "INQUIRY", "咨询", "COMPLAINT", "投诉", "APPOINTMENT", "预约",
            "TECH_SUPPORT", "技术支持", "CALLBACK", "回电", "ROADSIDE", "道路救援");
    static final Map<String, String> ALERTS = Map.of(ReportAlerts.CSAT, "满意度低于目标", ReportAlerts.FAULT_CODE, "故障码占比上升",
            ReportAlerts.REWORK, "车型返修率超标", ReportAlerts.OVERRUN, "工单超出解决时限");
    private static final String UNKNOWN = "未登记";

    private MonthlyTables() {
    }

    static List<Table> of(MonthlyReport r, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<Table> tables = new ArrayList<>();
        ServiceReport.Figures s = r.service();
        ServiceReport.Counts c = s.counts();
        tables.add(new Table("概览", List.of("项目", "数值", "计算依据"), List.of(
                row("报告月份", r.month(), zone.getId()),
                row("统计区间", time.format(r.from()) + " 至 " + time.format(r.to()), "按工单创建时间"),
                row("生成时间", time.format(r.generatedAt()), r.kept() ? "已存档（月末后生成，不再变动）" : "本月进行中，数据随时更新"),
                row("投诉结案率", s.closureRate(), c.complaintsResolved() + " / " + c.complaintsOpened() + " 件投诉"),
                row("平均处理时长（秒）", s.averageHandlingSeconds(), c.resolved() + " 件已解决工单，扣除等待客户时间"),
                row("首次解决率", s.firstContactResolution(), c.firstContactResolved() + " / " + c.resolved() + " 件已解决工单"),
                row("问卷回复率", s.surveyResponseRate(), c.surveysAnswered() + " / " + c.surveysSent() + " 份已发问卷"),
                row("满意度（CSAT）", s.csat(), c.csatSatisfied() + " / " + c.csatResponses() + " 份评价为 4–5 分"),
                row("满意度目标", r.csatTarget(), Boolean.TRUE.equals(s.csatMeetsTarget()) ? "已达标" : s.csat() == null ? "无评价" : "未达标"),
                row("回访完成率", s.callbackCompletionRate(), c.callbacksCompleted() + " / " + c.callbacksDue() + " 个到期回访"),
                row("回访确认已解决占比", s.fixedShare(), c.callbacksFixed() + " / " + c.callbacksCompleted() + " 个已完成回访"),
                row("自助服务率", s.selfServiceRate(), "暂无自助服务渠道的数据"),
                row("专家按时答复率", s.expertWithinTarget(), c.expertWithinTarget() + " / " + c.expertAnswered() + " 个已答复技术支持（目标 "
                        + r.expertTargetSeconds() + " 秒）"))));
        List<String> slaHeaders = List.of("类型", "新建工单", "首响达标率（%）", "解决达标率（%）", "首响中位（秒）", "首响P90（秒）",
                "解决中位（秒）", "解决P90（秒）", "超时工单", "超时未结");
        tables.add(new Table("SLA 达标（按类型）", slaHeaders, r.sla().stream().map(x -> sla(TYPES.getOrDefault(x.type(), x.type()), x)).toList()));
        tables.add(new Table("每日 SLA", then("日期", slaHeaders.subList(1, slaHeaders.size())), r.slaDaily().stream().map(x -> sla(x.period(), x)).toList()));
        tables.add(new Table("每日满意度", List.of("日期", "满意度", "目标", "评价数", "满意数", "问卷回复率"), r.serviceDaily().stream()
                .map(d -> row(d.period(), d.csat(), r.csatTarget(), d.counts().csatResponses(), d.counts().csatSatisfied(), d.surveyResponseRate()))
                .toList()));
        ProblemReport.Report p = r.problems();
        tables.add(new Table("车型问题与返修", List.of("车型", "本月工单", "上月工单", "技术问题", "服务态度", "流程效率", "未分类",
                "可返修工单", "返修", "返修率", "上月返修率"), p.models().stream().map(m -> row(named(m.model()), m.tickets(), m.previousTickets(),
                category(m, Category.TECHNICAL), category(m, Category.ATTITUDE), category(m, Category.PROCESS), category(m, null),
                m.reworkEligible(), m.reworks(), m.reworkRate(), m.previousReworkRate())).toList()));
        tables.add(new Table("故障码", List.of("车型", "故障码", "本月提问", "车型提问总数", "占比", "上月提问", "上月占比", "占比变化"),
                p.faultCodes().stream().map(f -> row(named(f.model()), f.code(), f.questions(), f.modelQuestions(), f.share(),
                        f.previousQuestions(), f.previousShare(), f.shareChange())).toList()));
        List<String> placeHeaders = List.of("本月工单", "上月工单", "可返修工单", "返修", "返修率");
        tables.add(new Table("地区", then("地区", placeHeaders), p.regions().stream().map(MonthlyTables::place).toList()));
        tables.add(new Table("经销商", then("经销商", placeHeaders), p.dealers().stream().map(MonthlyTables::place).toList()));
        tables.add(new Table("阈值预警", List.of("预警", "对象", "升级事件", "时间"), r.alerts().stream()
                .map(a -> row(ALERTS.getOrDefault(a.kind(), a.kind()), a.key(), a.escalationId(), time.format(a.raisedAt()))).toList()));
        return tables;
    }

    private static List<Object> sla(String first, SlaReport.Row x) {
        return row(first, x.opened(), x.firstResponseMetPct(), x.resolutionMetPct(), x.medianFirstResponseSeconds(),
                x.p90FirstResponseSeconds(), x.medianResolutionSeconds(), x.p90ResolutionSeconds(), x.breaches(), x.openOverTarget());
    }

    private static List<Object> place(ProblemReport.PlaceProblems x) {
        return row(x.place(), x.tickets(), x.previousTickets(), x.reworkEligible(), x.reworks(), x.reworkRate());
    }

    private static long category(ProblemReport.ModelProblems m, Category category) {
        return m.categories().stream().filter(c -> c.category() == category).mapToLong(ProblemReport.CategoryCount::tickets).sum();
    }

    private static String named(String model) {
        return model == null ? UNKNOWN : model;
    }

    private static List<String> then(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
