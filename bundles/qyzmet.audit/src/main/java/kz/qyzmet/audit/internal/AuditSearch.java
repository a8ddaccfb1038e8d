package kz.qyzmet.audit.internal;

import java.util.Map;

import org.apache.ibatis.jdbc.SQL;

import kz.qyzmet.audit.api.AuditQuery;

/** Builds the operator's journal search from the criteria given; every value is a bound parameter. */
public final class AuditSearch {

    public static String sql(Map<String, Object> parameters) {
        AuditQuery query = (AuditQuery) parameters.get("query");
        SQL sql = new SQL().SELECT(AuditMapper.COLUMNS).FROM("audit_event");
        if (query.subject() != null) {
            sql.WHERE("subject = #{query.subject}");
        }
        if (query.actor() != null) {
            sql.WHERE("actor = #{query.actor}");
        }
        if (query.type() != null) {
            sql.WHERE("event_type = #{query.type}");
        }
        if (query.from() != null) {
            sql.WHERE("recorded_at >= #{from}");
        }
        if (query.to() != null) {
            sql.WHERE("recorded_at < #{to}");
        }
        if (query.beforeSequence() != null) {
            sql.WHERE("sequence < #{query.beforeSequence}");
        }
        return sql.ORDER_BY("sequence DESC").LIMIT("#{query.limit}").toString();
    }

    private AuditSearch() {
    }
}
