package kz.qyzmet.clients.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.SelectProvider;
import org.apache.ibatis.annotations.Update;

import kz.qyzmet.clients.api.ClientQuery;

public interface ClientMapper {

    @Insert("INSERT INTO client (id, kind, tax_id, name, phone, email, postal_address, document_type, document_number,"
            + " document_issued_on, bank_name, bank_bic, bank_account, economic_profile, tax_residency, us_person,"
            + " w8ben_signed_on, changed_by) VALUES (#{id}, #{kind}, #{taxId}, #{name}, #{phone}, #{email}, #{postalAddress},"
            + " #{documentType}, #{documentNumber}, #{documentIssuedOn}, #{bankName}, #{bankBic}, #{bankAccount},"
            + " #{economicProfile}, #{taxResidency}, #{usPerson}, #{w8benSignedOn}, #{changedBy})")
    void insert(ClientRow row);

    /** The database keeps the version this replaces (system versioning). */
    @Update("UPDATE client SET kind = #{kind}, tax_id = #{taxId}, name = #{name}, phone = #{phone}, email = #{email},"
            + " postal_address = #{postalAddress}, document_type = #{documentType}, document_number = #{documentNumber},"
            + " document_issued_on = #{documentIssuedOn}, bank_name = #{bankName}, bank_bic = #{bankBic},"
            + " bank_account = #{bankAccount}, economic_profile = #{economicProfile}, tax_residency = #{taxResidency},"
            + " us_person = #{usPerson}, w8ben_signed_on = #{w8benSignedOn}, changed_by = #{changedBy} WHERE id = #{id}")
    void update(ClientRow row);

    @Select(ClientSearch.SELECT + " WHERE id = #{id}")
    ClientRow current(@Param("id") String id);

    @Select(ClientSearch.SELECT + " WHERE id = #{id} FOR UPDATE")
    ClientRow lock(@Param("id") String id);

    @Select(ClientSearch.SELECT + " FOR SYSTEM_TIME AS OF TIMESTAMP #{at} WHERE id = #{id}")
    ClientRow asOf(@Param("id") String id, @Param("at") LocalDateTime at);

    @Select(ClientSearch.SELECT + " FOR SYSTEM_TIME ALL WHERE id = #{id} ORDER BY valid_from")
    List<ClientRow> history(@Param("id") String id);

    @SelectProvider(type = ClientSearch.class, method = "page")
    List<ClientRow> search(@Param("query") ClientQuery query);

    @SelectProvider(type = ClientSearch.class, method = "count")
    long count(@Param("query") ClientQuery query);

    @Insert("INSERT INTO client_saved_search (operator, name, query, created_at) VALUES (#{operator}, #{name}, #{query}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertSearch(SavedSearchRow row);

    @Select("SELECT id, operator, name, query, created_at FROM client_saved_search WHERE operator = #{operator} ORDER BY name")
    List<SavedSearchRow> savedSearches(@Param("operator") String operator);

    @Select("SELECT id, operator, name, query, created_at FROM client_saved_search WHERE operator = #{operator} AND id = #{id}")
    SavedSearchRow savedSearch(@Param("operator") String operator, @Param("id") long id);
}
