package kz.qyzmet.registry.internal;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;

public interface StateMapper {

    @Select("SELECT service_id, state, reason_kk, reason_ru, reason_en, changed_at, changed_by FROM registry_service_state")
    List<StateRow> all();

    @Insert("INSERT INTO registry_service_state (service_id, state, reason_kk, reason_ru, reason_en, changed_at, changed_by)"
            + " VALUES (#{serviceId}, #{state}, #{reasonKk}, #{reasonRu}, #{reasonEn}, #{changedAt}, #{changedBy})"
            + " ON DUPLICATE KEY UPDATE state = VALUES(state), reason_kk = VALUES(reason_kk), reason_ru = VALUES(reason_ru),"
            + " reason_en = VALUES(reason_en), changed_at = VALUES(changed_at), changed_by = VALUES(changed_by)")
    void upsert(StateRow row);
}
