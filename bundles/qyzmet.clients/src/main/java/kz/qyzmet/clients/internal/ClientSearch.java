package kz.qyzmet.clients.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.qyzmet.clients.api.ClientQuery;

/**
 * Builds the operator's client search. Field names come from a fixed list and
 * map to columns here; every value is a bound parameter.
 */
public final class ClientSearch {
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();
    static {
        COLUMNS.put("id", "id");
        COLUMNS.put("kind", "kind");
        COLUMNS.put("taxId", "tax_id");
        COLUMNS.put("name", "name");
        COLUMNS.put("phone", "phone");
        COLUMNS.put("email", "email");
        COLUMNS.put("postalAddress", "postal_address");
        COLUMNS.put("documentNumber", "document_number");
        COLUMNS.put("bankBic", "bank_bic");
        COLUMNS.put("bankAccount", "bank_account");
        COLUMNS.put("taxResidency", "tax_residency");
    }
    /** Identifiers match exactly; everything else matches anywhere in the text. */
    static final Set<String> EXACT = Set.of("id", "kind", "taxId", "bankBic", "taxResidency");

    static final String SELECT = "SELECT id, kind, tax_id, name, phone, email, postal_address, document_type, document_number,"
            + " document_issued_on, bank_name, bank_bic, bank_account, economic_profile, tax_residency, us_person,"
            + " w8ben_signed_on, changed_by, valid_from, valid_to FROM client";

    private ClientSearch() {
    }

    public static String page(Map<String, Object> parameters) {
        ClientQuery query = (ClientQuery) parameters.get("query");
        StringBuilder sql = new StringBuilder(SELECT).append(where(query)).append(" ORDER BY ");
        for (String field : query.sort()) {
            boolean descending = field.startsWith("-");
            String column = COLUMNS.get(descending ? field.substring(1) : field);
            sql.append(column).append(descending ? " DESC, " : " ASC, ");
        }
        return sql.append("id ASC LIMIT #{query.limit} OFFSET #{query.offset}").toString();
    }

    public static String count(Map<String, Object> parameters) {
        return "SELECT COUNT(*) FROM client" + where((ClientQuery) parameters.get("query"));
    }

    /** With former data, a client matches when any of its versions matched (rules §16.1). */
    private static String where(ClientQuery query) {
        String conditions = conditions(query.criteria().keySet().stream().sorted().toList());
        if (conditions.isEmpty()) {
            return "";
        }
        return query.includeFormer()
                ? " WHERE id IN (SELECT id FROM client FOR SYSTEM_TIME ALL WHERE " + conditions + ")"
                : " WHERE " + conditions;
    }

    private static String conditions(List<String> fields) {
        StringBuilder conditions = new StringBuilder();
        for (String field : fields) {
            if (conditions.length() > 0) {
                conditions.append(" AND ");
            }
            String column = COLUMNS.get(field);
            String value = "#{query.criteria." + field + "}";
            // a typed % or _ is a character to find, not a wildcard: escaped with '!'
            conditions.append(EXACT.contains(field) ? column + " = " + value : column + " LIKE CONCAT('%', REPLACE(REPLACE("
                    + "REPLACE(" + value + ", '!', '!!'), '%', '!%'), '_', '!_'), '%') ESCAPE '!'");
        }
        return conditions.toString();
    }
}
