package org.huiying.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * One owner per table: only the owning module's code holds SQL that names it; every other module asks
 * the owner's API or keeps a read model of its own fed by events. And no SQL in controllers.
 */
class TableOwnershipTests {

    /** The single list of who owns which table. A new table needs an owner here. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("conversation", Set.of("conversation", "customer", "message", "conversation_head", "message_journal")),
            Map.entry("ticket", Set.of("ticket", "ticket_participant", "sla_event", "kb_suggestion_use", "ticket_note", "sla_policy")),
            Map.entry("customer", Set.of("vehicle", "phone_code", "customer_merge")),
            Map.entry("runtime", Set.of("rule_text")),
            Map.entry("callback", Set.of("callback_task")),
            Map.entry("escalation", Set.of("escalation", "escalation_ticket", "escalation_comment", "escalation_webhook")),
            Map.entry("survey", Set.of("survey")),
            Map.entry("telephony", Set.of("sms_outbox", "sms_thread", "sms_opt_out", "voice_call", "voice_call_event",
                    "voice_thread", "voice_offer", "message_media")),
            Map.entry("privacy", Set.of("audit_log")),
            Map.entry("expert", Set.of("tech_question", "tech_photo")),
            Map.entry("cannedreply", Set.of("canned_reply")),
            Map.entry("staff", Set.of("staff")),
            Map.entry("security", Set.of("app_secret", "refresh_token")),
            Map.entry("knowledge", Set.of("kb_article_version")),
            Map.entry("report", Set.of("report_alert", "report_monthly", "report_day")));

    static final Path MAIN = Path.of("src", "main", "java", "org", "huiying", "server");
    static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    private static final Pattern STRINGS = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_REFERENCE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS)\\s+([a-z_]+)");
    private static final Pattern CREATED = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");

    @Test
    void everyTableHasExactlyOneOwner() throws IOException {
        Set<String> owned = new TreeSet<>();
        OWNERS.values().forEach(tables -> tables.forEach(table -> assertThat(owned.add(table)).as(table + " has two owners").isTrue()));
        assertThat(owned).as("tables the migrations create").containsAll(createdTables());
    }

    @Test
    void onlyTheOwningModuleHoldsSqlThatNamesATable() throws IOException {
        Set<String> tables = createdTables();
        List<String> reachIns = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String module = relative.getName(0).toString();
                for (String table : referencedTables(Files.readString(file), tables)) {
                    if (!OWNERS.getOrDefault(module, Set.of()).contains(table)) {
                        reachIns.add(relative + " names " + table + " (owned by " + ownerOf(table) + ")");
                    }
                }
            }
        }
        assertThat(reachIns).as("SQL outside the owning module").isEmpty();
    }

    @Test
    void controllersHoldNoSql() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.huiying.server");
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
                .because("a controller asks its module's repository or service; SQL lives there")
                .check(classes);
    }

    @Test
    void findsTableNamesInStringsAndTextBlocksButNotInProse() {
        String source = """
                /** Reads FROM ticket in prose: not SQL. */
                String a = "SELECT id FROM ticket WHERE id = ?";
                String b = \"""
                        UPDATE survey SET x = 1 WHERE EXISTS (SELECT 1 FROM callback_task)\""";
                """;
        assertThat(referencedTables(source, Set.of("ticket", "survey", "callback_task", "staff")))
                .containsExactlyInAnyOrder("ticket", "survey", "callback_task");
    }

    static Set<String> referencedTables(String source, Set<String> tables) {
        Set<String> found = new TreeSet<>();
        Matcher literal = STRINGS.matcher(source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", ""));
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            Matcher reference = TABLE_REFERENCE.matcher(text);
            while (reference.find()) {
                if (tables.contains(reference.group(1))) {
                    found.add(reference.group(1));
                }
            }
        }
        return found;
    }

    static Set<String> createdTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher created = CREATED.matcher(Files.readString(file));
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static String ownerOf(String table) {
        return OWNERS.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey).findFirst().orElse("nobody");
    }
}
