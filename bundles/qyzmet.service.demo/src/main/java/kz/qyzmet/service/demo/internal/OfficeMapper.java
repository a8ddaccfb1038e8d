package kz.qyzmet.service.demo.internal;

import java.util.List;

import org.apache.ibatis.annotations.Select;

public interface OfficeMapper {
    @Select("SELECT code, city_kk, city_ru, city_en, address, phone, opens_at, closes_at FROM demo_office ORDER BY code")
    List<Office> all();
}
