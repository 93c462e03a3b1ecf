package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 17, embedded H2 only: each stored message wrote to three B-trees ordered by
 * conversation — the index H2 made for the foreign key to the conversation, the client-id unique
 * index and the seq unique index — so a commit covering a thousand busy conversations rewrote some
 * three thousand scattered pages, the ceiling of the whole embedded server (docs/benchmarks.md).
 * Only the seq index stays. Nothing relied on the other two: conversations are never deleted (erasure
 * blanks bodies), every path that stores a message reads the conversation's head first, and repeated
 * client ids are caught where messages are numbered — one journal writer, or the group commit's
 * per-conversation writer, or a direct append holding the conversation's row — reading the
 * conversation's messages through the seq index. The foreign key to the staff member goes too (its
 * index took a page copy per message, and H2 stores all unsaved pages each time those copies add up
 * to its buffer): staff accounts are disabled, never deleted, and only signed-in staff write.
 * PostgreSQL keeps them all.
 */
public class V17__H2MessageIndexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        List<String> drop = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT tc.constraint_name FROM information_schema.table_constraints tc
                     JOIN information_schema.key_column_usage k
                       ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
                     WHERE tc.table_name = 'message' AND tc.constraint_type = 'FOREIGN KEY' AND k.column_name IN ('conversation_id', 'staff_id')
                     """)) {
            while (rs.next()) {
                drop.add(rs.getString(1));
            }
        }
        drop.add("message_cmid_unique");
        try (Statement statement = connection.createStatement()) {
            for (String constraint : drop) {
                statement.execute("ALTER TABLE message DROP CONSTRAINT \"" + constraint.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
